"""Build-time tools: the interaction models and manifest, the skill package check, the publisher's details, the
ranker's classifier, the content compiled for the Lambda package, and the content review export.

Run on a developer's machine or by the Lambda build (``Makefile``); never part of the Lambda package.
"""
