"""Documents -> graph: the streaming build, its work for worker processes, and which documents describe one
trial.
"""
