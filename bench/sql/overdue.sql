-- The overdue list as one SQL query: per contract, what is paid by the date, what was due
-- before it, and the due date of the oldest installment the payments do not cover.
WITH paid AS (
  SELECT contract_id, SUM(amount) AS paid FROM payments WHERE date <= '2026-11-20' GROUP BY contract_id
), schedule AS (
  SELECT contract_id, due_date, principal + interest AS amount,
         SUM(principal + interest) OVER (PARTITION BY contract_id ORDER BY due_date, seq) AS running
  FROM installments
), per_contract AS (
  SELECT s.contract_id,
         SUM(s.amount) - COALESCE(p.paid, 0) AS outstanding,
         SUM(CASE WHEN s.due_date < '2026-11-20' THEN s.amount ELSE 0 END) - COALESCE(p.paid, 0) AS overdue_amount,
         MIN(CASE WHEN s.running > COALESCE(p.paid, 0) AND s.due_date < '2026-11-20' THEN s.due_date END) AS oldest
  FROM schedule s LEFT JOIN paid p ON p.contract_id = s.contract_id
  GROUP BY s.contract_id
)
SELECT c.number, cl.name, cl.phone, m.name, julianday('2026-11-20') - julianday(pc.oldest) AS days_overdue,
       printf('%.2f', pc.overdue_amount / 100.0), printf('%.2f', pc.outstanding / 100.0)
FROM per_contract pc
JOIN contracts c ON c.id = pc.contract_id JOIN clients cl ON cl.id = c.client_id
LEFT JOIN managers m ON m.id = COALESCE(c.manager_id, cl.manager_id)
WHERE pc.oldest IS NOT NULL AND c.id NOT IN (SELECT contract_id FROM terminations)
ORDER BY days_overdue DESC, pc.overdue_amount DESC, c.number;
