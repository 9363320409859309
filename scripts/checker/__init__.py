"""The editorial checker for Secure Communities, Annotated.

It reads docs/, the two registries and the reference copy of ICE's text,
parses them once into typed records (model.py), runs pure check functions
over those records (checks/), and prints every diagnostic in one place
(report.py). Adding a check is adding one function and one code (codes.py).
"""
