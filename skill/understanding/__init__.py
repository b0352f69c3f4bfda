"""Understanding what was said: safety triage first, then free text ranked against the question bank."""
