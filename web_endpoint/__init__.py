"""The self-hosted HTTPS endpoint: the skill as a WSGI app that verifies Alexa's requests (``scripts/web.sh``).

Never part of the Lambda package.
"""
