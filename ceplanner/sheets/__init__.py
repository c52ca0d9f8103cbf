"""Spreadsheets in and out: stakeholder groups imported, budget tables and the register exported (no Qt)."""
