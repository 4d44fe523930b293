-- Aging as one SQL query: each open contract's overdue amount in the bucket of its oldest
-- overdue installment, what is not yet due as "current".
WITH paid AS (
  SELECT contract_id, SUM(amount) AS paid FROM payments WHERE date <= '2026-11-20' GROUP BY contract_id
), schedule AS (
  SELECT contract_id, due_date, principal + interest AS amount,
         SUM(principal + interest) OVER (PARTITION BY contract_id ORDER BY due_date, seq) AS running
  FROM installments
), per_contract AS (
  SELECT s.contract_id,
         SUM(s.amount) - COALESCE(p.paid, 0) AS outstanding,
         MAX(0, SUM(CASE WHEN s.due_date < '2026-11-20' THEN s.amount ELSE 0 END) - COALESCE(p.paid, 0)) AS overdue,
         julianday('2026-11-20') - julianday(MIN(CASE WHEN s.running > COALESCE(p.paid, 0) AND s.due_date < '2026-11-20'
                                                      THEN s.due_date END)) AS days
  FROM schedule s LEFT JOIN paid p ON p.contract_id = s.contract_id
  WHERE s.contract_id NOT IN (SELECT contract_id FROM terminations)
  GROUP BY s.contract_id HAVING outstanding > 0
)
SELECT 'current', SUM(outstanding - overdue > 0), printf('%.2f', SUM(outstanding - overdue) / 100.0) FROM per_contract
UNION ALL
SELECT CASE WHEN days >= 30 THEN '30+' WHEN days >= 7 THEN '7-29' WHEN days >= 4 THEN '4-6' ELSE '1-3' END,
       COUNT(*), printf('%.2f', SUM(overdue) / 100.0)
FROM per_contract WHERE days IS NOT NULL GROUP BY 1;
