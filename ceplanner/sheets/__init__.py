"""Spreadsheets in and out: reading CSV and XLSX files, and writing them (no Qt)."""
