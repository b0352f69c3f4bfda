"""The terminal console: talk to the skill as through Alexa, on this machine (``scripts/console.sh``).

Never part of the Lambda package.
"""
