-- The portfolio figures as one SQL query.
WITH paid AS (
  SELECT contract_id, SUM(amount) AS paid FROM payments WHERE date <= '2026-11-20' GROUP BY contract_id
), per_contract AS (
  SELECT i.contract_id, SUM(i.principal + i.interest) - COALESCE(p.paid, 0) AS outstanding,
         SUM(CASE WHEN i.due_date < '2026-11-20' THEN i.principal + i.interest ELSE 0 END) - COALESCE(p.paid, 0) AS overdue
  FROM installments i LEFT JOIN paid p ON p.contract_id = i.contract_id GROUP BY i.contract_id
)
SELECT COUNT(*), SUM(outstanding > 0), SUM(overdue > 0), SUM(outstanding <= 0),
       printf('%.2f', SUM(MAX(outstanding, 0)) / 100.0), printf('%.2f', SUM(MAX(overdue, 0)) / 100.0)
FROM per_contract;
