"""Helpers of the tests and benchmarks: the understanding and conversation evaluations, the ranker's
calibration, the web load run, and a local DynamoDB server.

Never part of the Lambda package.
"""
