"""activiteiten models, one module per capability (packages, actions and signals, meetings).

Each module is imported here so Django finds the models.
"""
