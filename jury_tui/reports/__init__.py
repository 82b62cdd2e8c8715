"""Reports made from the chair's consolidation: the advice PDF, and the score data as CSV and XLSX."""
