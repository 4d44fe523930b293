#!/bin/sh
# The demo ledger: 3 managers, 40 clients and 60 contracts with payments, loaded through
# dolg's own commands. As of 2026-11-20 the portfolio has current contracts, contracts
# 1-3, 4-6, 7-29 and 30+ days late, closed ones and one terminated.
# Run by `make demo` with DOLG (the binary), DOLG_DB and DOLG_TODAY set.
set -eu
: "${DOLG:=dolg}"
q() { "$DOLG" "$@" > /dev/null; }
q init --currency RUB
q manager add 'Анна Смирнова' --role head --login anna
q manager add 'Пётр Волков' --role manager --login petr
q manager add 'Ирина Лебедева' --role manager --login irina
q client add 'Иванов Иван Петрович' --phone '+7 966 698-76-59' --manager 'Анна Смирнова'
q client add 'Петрова Ольга Сергеевна' --phone '+7 947 836-37-27' --manager 'Пётр Волков'
q client add 'Сидоров Алексей Викторович' --phone '+7 963 208-64-27' --manager 'Ирина Лебедева'
q client add 'Кузнецова Мария Андреевна' --phone '+7 926 416-37-69' --manager 'Анна Смирнова'
q client add 'Смирнов Дмитрий Олегович' --phone '+7 957 972-52-30' --manager 'Пётр Волков'
q client add 'Попова Елена Игоревна' --phone '+7 984 773-80-48' --manager 'Ирина Лебедева'
q client add 'Васильев Сергей Николаевич' --phone '+7 921 406-16-24' --manager 'Анна Смирнова'
q client add 'Соколова Анна Дмитриевна' --phone '+7 954 690-61-57' --manager 'Пётр Волков'
q client add 'Михайлов Андрей Юрьевич' --phone '+7 950 487-98-56' --manager 'Ирина Лебедева'
q client add 'Новикова Татьяна Павловна' --phone '+7 957 115-80-85' --manager 'Анна Смирнова'
q client add 'Фёдоров Максим Ильич' --phone '+7 940 461-39-65' --manager 'Пётр Волков'
q client add 'Морозова Наталья Викторовна' --phone '+7 973 155-63-57' --manager 'Ирина Лебедева'
q client add 'Волков Артём Сергеевич' --phone '+7 915 727-76-77' --manager 'Анна Смирнова'
q client add 'Алексеева Юлия Александровна' --phone '+7 950 948-71-68' --manager 'Пётр Волков'
q client add 'Лебедев Никита Романович' --phone '+7 971 492-44-61' --manager 'Ирина Лебедева'
q client add 'Семёнова Ксения Олеговна' --phone '+7 991 479-10-83' --manager 'Анна Смирнова'
q client add 'Егоров Роман Валерьевич' --phone '+7 968 139-76-49' --manager 'Пётр Волков'
q client add 'Павлова Светлана Игоревна' --phone '+7 994 208-36-84' --manager 'Ирина Лебедева'
q client add 'Козлов Илья Андреевич' --phone '+7 931 869-18-29' --manager 'Анна Смирнова'
q client add 'Степанова Дарья Максимовна' --phone '+7 952 389-53-64' --manager 'Пётр Волков'
q client add 'Николаев Павел Владимирович' --phone '+7 926 124-15-73' --manager 'Ирина Лебедева'
q client add 'Орлова Виктория Денисовна' --phone '+7 943 118-45-98' --manager 'Анна Смирнова'
q client add 'Андреев Кирилл Евгеньевич' --phone '+7 919 279-11-20' --manager 'Пётр Волков'
q client add 'Макарова Алина Руслановна' --phone '+7 917 381-58-40' --manager 'Ирина Лебедева'
q client add 'Захаров Тимур Ринатович' --phone '+7 989 418-16-55' --manager 'Анна Смирнова'
q client add 'Зайцева Полина Артёмовна' --phone '+7 980 153-27-25' --manager 'Пётр Волков'
q client add 'Гарипов Рустам Ильдарович' --phone '+7 914 472-11-37' --manager 'Ирина Лебедева'
q client add 'Хабибуллина Гульнара Маратовна' --phone '+7 931 656-11-71' --manager 'Анна Смирнова'
q client add 'Сафин Айдар Рашидович' --phone '+7 979 874-59-94' --manager 'Пётр Волков'
q client add 'Шарипова Алсу Ринатовна' --phone '+7 948 646-74-62' --manager 'Ирина Лебедева'
q client add 'Галиев Ильнур Фаридович' --phone '+7 981 840-51-51' --manager 'Анна Смирнова'
q client add 'Ахметова Лилия Рамилевна' --phone '+7 984 574-14-23' --manager 'Пётр Волков'
q client add 'Борисов Олег Станиславович' --phone '+7 979 202-18-57' --manager 'Ирина Лебедева'
q client add 'Яковлева Екатерина Львовна' --phone '+7 960 557-41-94' --manager 'Анна Смирнова'
q client add 'Григорьев Виталий Андреевич' --phone '+7 952 264-17-89' --manager 'Пётр Волков'
q client add 'Романова Марина Петровна' --phone '+7 952 604-92-63' --manager 'Ирина Лебедева'
q client add 'ООО «Мебель-Опт»' --phone '+7 946 914-92-81' --manager 'Анна Смирнова'
q client add 'ИП Каримов Р. Р.' --phone '+7 954 386-69-16' --manager 'Пётр Волков'
q client add 'ООО «Технодом Казань»' --phone '+7 979 753-65-65' --manager 'Ирина Лебедева'
q client add 'ООО «СтройСнаб»' --phone '+7 948 911-96-62' --manager 'Анна Смирнова'
q contract add --number 2026-001 --client 1 --amount 13500 --installments 8 --period week --first-due 2026-09-10 --start 2026-09-09
q pay 2026-001 1687.50 --date 2026-09-09 --method bank --ref BANK-2026-001-2026-09-09
q pay 2026-001 1687.50 --date 2026-09-16 --method card
q pay 2026-001 1687.50 --date 2026-09-25 --method card
q pay 2026-001 1687.50 --date 2026-10-01 --method card
q pay 2026-001 1687.50 --date 2026-10-13 --method cash
q pay 2026-001 1687.50 --date 2026-10-13 --method bank --ref BANK-2026-001-2026-10-13
q pay 2026-001 1687.50 --date 2026-10-20 --method card
q pay 2026-001 843.75 --date 2026-11-19 --method cash
q contract add --number 2026-002 --client 2 --amount 18000 --installments 8 --period week --first-due 2026-11-11 --start 2026-10-31
q pay 2026-002 2250.00 --date 2026-11-09 --method cash
q contract add --number 2026-003 --client 3 --amount 92000 --installments 12 --period month --first-due 2026-02-12 --start 2026-02-07
q pay 2026-003 7666.66 --date 2026-02-10 --method cash
q pay 2026-003 7666.66 --date 2026-03-14 --method bank --ref BANK-2026-003-2026-03-14
q pay 2026-003 7666.66 --date 2026-04-14 --method cash
q pay 2026-003 7666.66 --date 2026-05-10 --method card
q pay 2026-003 7666.66 --date 2026-06-16 --method cash
q pay 2026-003 7666.66 --date 2026-07-16 --method cash
q pay 2026-003 7666.66 --date 2026-08-11 --method bank --ref BANK-2026-003-2026-08-11
q pay 2026-003 7666.66 --date 2026-09-12 --method card
q pay 2026-003 7666.66 --date 2026-10-16 --method cash
q pay 2026-003 3833.33 --date 2026-11-19 --method cash
q contract add --number 2026-004 --client 4 --amount 199000 --installments 24 --period month --first-due 2026-09-07 --start 2026-08-27
q pay 2026-004 8291.66 --date 2026-09-11 --method bank --ref BANK-2026-004-2026-09-11
q pay 2026-004 8291.66 --date 2026-10-06 --method card
q pay 2026-004 8291.66 --date 2026-11-06 --method cash
q contract add --number 2026-005 --client 5 --amount 151000 --installments 24 --period month --first-due 2026-01-17 --start 2026-01-09
q pay 2026-005 6291.66 --date 2026-01-21 --method card
q pay 2026-005 6291.66 --date 2026-02-16 --method card
q pay 2026-005 6291.66 --date 2026-03-22 --method card
q pay 2026-005 6291.66 --date 2026-04-15 --method card
q pay 2026-005 6291.66 --date 2026-05-19 --method card
q pay 2026-005 6291.66 --date 2026-06-19 --method bank --ref BANK-2026-005-2026-06-19
q pay 2026-005 6291.66 --date 2026-07-16 --method bank --ref BANK-2026-005-2026-07-16
q pay 2026-005 6291.66 --date 2026-08-15 --method cash
q pay 2026-005 6291.66 --date 2026-09-15 --method cash
q pay 2026-005 6291.66 --date 2026-10-15 --method cash
q contract add --number 2026-006 --client 6 --amount 205000 --installments 1 --period month --first-due 2026-08-30 --start 2026-08-29
q pay 2026-006 205000.00 --date 2026-09-04 --method cash
q contract add --number 2026-007 --client 7 --amount 140000 --installments 1 --period month --first-due 2026-05-17 --start 2026-05-14
q pay 2026-007 140000.00 --date 2026-05-17 --method card
q contract add --number 2026-008 --client 8 --amount 82000 --installments 24 --period month --first-due 2026-10-17 --start 2026-09-29 --down 8200
q pay 2026-008 8200.00 --date 2026-09-29 --method cash
q pay 2026-008 3075.00 --date 2026-10-19 --method bank --ref BANK-2026-008-2026-10-19
q pay 2026-008 3075.00 --date 2026-11-15 --method card
q contract add --number 2026-009 --client 9 --amount 34500 --installments 6 --period month --first-due 2026-06-16 --start 2026-06-11
q pay 2026-009 5750.00 --date 2026-06-20 --method cash
q pay 2026-009 5750.00 --date 2026-07-16 --method cash
q pay 2026-009 5750.00 --date 2026-08-16 --method cash
q pay 2026-009 5750.00 --date 2026-09-21 --method cash
q pay 2026-009 5750.00 --date 2026-10-20 --method bank --ref BANK-2026-009-2026-10-20
q contract add --number 2026-010 --client 10 --amount 23000 --installments 6 --period month --first-due 2026-09-18 --start 2026-09-07
q pay 2026-010 3833.33 --date 2026-09-17 --method cash
q pay 2026-010 3833.33 --date 2026-10-17 --method bank --ref BANK-2026-010-2026-10-17
q pay 2026-010 3833.33 --date 2026-11-17 --method bank --ref BANK-2026-010-2026-11-17
q contract add --number 2026-011 --client 11 --amount 31500 --installments 6 --period month --first-due 2026-10-18 --start 2026-09-29
q pay 2026-011 5250.00 --date 2026-10-18 --method card
q contract add --number 2026-012 --client 12 --amount 47000 --installments 12 --period month --first-due 2025-12-24 --start 2025-12-14 --rate 19.9
q pay 2026-012 4351.57 --date 2025-12-23 --method bank --ref BANK-2026-012-2025-12-23
q pay 2026-012 4351.57 --date 2026-01-22 --method cash
q pay 2026-012 4351.57 --date 2026-02-24 --method card
q pay 2026-012 4351.57 --date 2026-03-28 --method cash
q pay 2026-012 4351.57 --date 2026-04-22 --method bank --ref BANK-2026-012-2026-04-22
q pay 2026-012 4351.57 --date 2026-05-26 --method cash
q pay 2026-012 4351.57 --date 2026-06-23 --method cash
q pay 2026-012 4351.57 --date 2026-07-22 --method bank --ref BANK-2026-012-2026-07-22
q pay 2026-012 4351.57 --date 2026-08-28 --method bank --ref BANK-2026-012-2026-08-28
q pay 2026-012 4351.57 --date 2026-09-26 --method card
q contract add --number 2026-013 --client 13 --amount 62000 --installments 1 --period month --first-due 2026-10-09 --start 2026-09-20
q contract add --number 2026-014 --client 14 --amount 35500 --installments 6 --period month --first-due 2026-07-26 --start 2026-07-17
q pay 2026-014 5916.66 --date 2026-07-25 --method cash
q pay 2026-014 5916.66 --date 2026-08-25 --method card
q pay 2026-014 5916.66 --date 2026-09-26 --method bank --ref BANK-2026-014-2026-09-26
q pay 2026-014 5916.66 --date 2026-10-26 --method cash
q contract add --number 2026-015 --client 15 --amount 114000 --installments 12 --period month --first-due 2025-11-27 --start 2025-11-19
q pay 2026-015 9500.00 --date 2025-11-27 --method cash
q pay 2026-015 9500.00 --date 2025-12-25 --method bank --ref BANK-2026-015-2025-12-25
q pay 2026-015 9500.00 --date 2026-01-27 --method cash
q pay 2026-015 9500.00 --date 2026-02-26 --method card
q pay 2026-015 9500.00 --date 2026-03-25 --method bank --ref BANK-2026-015-2026-03-25
q pay 2026-015 9500.00 --date 2026-05-01 --method cash
q pay 2026-015 9500.00 --date 2026-05-29 --method card
q pay 2026-015 9500.00 --date 2026-06-28 --method cash
q pay 2026-015 9500.00 --date 2026-07-25 --method cash
q pay 2026-015 9500.00 --date 2026-08-26 --method cash
q pay 2026-015 9500.00 --date 2026-10-01 --method card
q pay 2026-015 9500.00 --date 2026-10-28 --method card
q contract add --number 2026-016 --client 16 --amount 203000 --installments 1 --period month --first-due 2026-12-02 --start 2026-11-20
q contract add --number 2026-017 --client 17 --amount 322000 --installments 1 --period month --first-due 2026-11-27 --start 2026-11-17
q contract add --number 2026-018 --client 18 --amount 38000 --installments 12 --period month --first-due 2026-08-12 --start 2026-08-11 --rate 19.9
q pay 2026-018 3518.29 --date 2026-08-17 --method bank --ref BANK-2026-018-2026-08-17
q pay 2026-018 3518.29 --date 2026-09-12 --method cash
q pay 2026-018 3518.29 --date 2026-10-10 --method bank --ref BANK-2026-018-2026-10-10
q pay 2026-018 3518.29 --date 2026-11-11 --method cash
q contract add --number 2026-019 --client 19 --amount 99000 --installments 12 --period month --first-due 2026-06-24 --start 2026-06-13
q pay 2026-019 8250.00 --date 2026-06-29 --method card
q pay 2026-019 8250.00 --date 2026-07-28 --method card
q pay 2026-019 8250.00 --date 2026-08-25 --method cash
q pay 2026-019 8250.00 --date 2026-09-29 --method bank --ref BANK-2026-019-2026-09-29
q pay 2026-019 8250.00 --date 2026-10-26 --method card
q contract add --number 2026-020 --client 20 --amount 77000 --installments 12 --period month --first-due 2026-04-17 --start 2026-04-15
q pay 2026-020 6416.66 --date 2026-04-15 --method card
q pay 2026-020 6416.66 --date 2026-05-19 --method card
q pay 2026-020 6416.66 --date 2026-06-16 --method bank --ref BANK-2026-020-2026-06-16
q pay 2026-020 6416.66 --date 2026-07-15 --method card
q contract add --number 2026-021 --client 21 --amount 98000 --installments 1 --period month --first-due 2026-06-02 --start 2026-05-17
q pay 2026-021 98000.00 --date 2026-06-01 --method bank --ref BANK-2026-021-2026-06-01
q contract add --number 2026-022 --client 22 --amount 117000 --installments 24 --period month --first-due 2026-11-15 --start 2026-10-27
q pay 2026-022 4875.00 --date 2026-11-13 --method bank --ref BANK-2026-022-2026-11-13
q contract add --number 2026-023 --client 23 --amount 31000 --installments 12 --period month --first-due 2026-08-20 --start 2026-08-06 --rate 19.9
q pay 2026-023 2870.19 --date 2026-08-20 --method cash
q pay 2026-023 2870.19 --date 2026-09-19 --method card
q pay 2026-023 2870.19 --date 2026-10-19 --method card
q pay 2026-023 2870.19 --date 2026-11-20 --method cash
q contract add --number 2026-024 --client 24 --amount 39000 --installments 6 --period month --first-due 2026-07-12 --start 2026-06-29
q pay 2026-024 6500.00 --date 2026-07-12 --method cash
q pay 2026-024 6500.00 --date 2026-08-10 --method cash
q pay 2026-024 6500.00 --date 2026-09-11 --method cash
q pay 2026-024 6500.00 --date 2026-10-10 --method card
q pay 2026-024 6500.00 --date 2026-11-10 --method bank --ref BANK-2026-024-2026-11-10
q contract add --number 2026-025 --client 25 --amount 99000 --installments 12 --period month --first-due 2025-12-01 --start 2025-12-01 --rate 19.9
q pay 2026-025 9166.08 --date 2025-12-05 --method cash
q pay 2026-025 9166.08 --date 2026-01-01 --method cash
q pay 2026-025 9166.08 --date 2026-01-30 --method bank --ref BANK-2026-025-2026-01-30
q pay 2026-025 9166.08 --date 2026-02-27 --method bank --ref BANK-2026-025-2026-02-27
q pay 2026-025 9166.08 --date 2026-03-31 --method cash
q pay 2026-025 9166.08 --date 2026-05-04 --method cash
q pay 2026-025 9166.08 --date 2026-06-01 --method cash
q pay 2026-025 9166.08 --date 2026-07-03 --method bank --ref BANK-2026-025-2026-07-03
q pay 2026-025 9166.08 --date 2026-07-31 --method bank --ref BANK-2026-025-2026-07-31
q contract add --number 2026-026 --client 26 --amount 251000 --installments 1 --period month --first-due 2026-12-13 --start 2026-11-20
q contract add --number 2026-027 --client 27 --amount 15000 --installments 8 --period week --first-due 2026-07-24 --start 2026-07-10
q pay 2026-027 1875.00 --date 2026-07-22 --method cash
q pay 2026-027 1875.00 --date 2026-08-05 --method card
q pay 2026-027 1875.00 --date 2026-08-06 --method bank --ref BANK-2026-027-2026-08-06
q pay 2026-027 1875.00 --date 2026-08-16 --method cash
q pay 2026-027 1875.00 --date 2026-08-21 --method bank --ref BANK-2026-027-2026-08-21
q pay 2026-027 1875.00 --date 2026-08-31 --method cash
q pay 2026-027 1875.00 --date 2026-09-07 --method card
q pay 2026-027 1875.00 --date 2026-09-13 --method cash
q contract add --number 2026-028 --client 28 --amount 91000 --installments 24 --period month --first-due 2024-08-16 --start 2024-08-01 --down 9100
q pay 2026-028 9100.00 --date 2024-08-01 --method cash
q pay 2026-028 3412.50 --date 2024-08-19 --method cash
q pay 2026-028 3412.50 --date 2024-09-15 --method card
q pay 2026-028 3412.50 --date 2024-10-15 --method bank --ref BANK-2026-028-2024-10-15
q pay 2026-028 3412.50 --date 2024-11-16 --method bank --ref BANK-2026-028-2024-11-16
q pay 2026-028 3412.50 --date 2024-12-16 --method card
q pay 2026-028 3412.50 --date 2025-01-21 --method cash
q pay 2026-028 3412.50 --date 2025-02-16 --method card
q pay 2026-028 3412.50 --date 2025-03-16 --method card
q pay 2026-028 3412.50 --date 2025-04-16 --method bank --ref BANK-2026-028-2025-04-16
q pay 2026-028 3412.50 --date 2025-05-15 --method cash
q pay 2026-028 3412.50 --date 2025-06-16 --method cash
q pay 2026-028 3412.50 --date 2025-07-14 --method card
q pay 2026-028 3412.50 --date 2025-08-20 --method bank --ref BANK-2026-028-2025-08-20
q pay 2026-028 3412.50 --date 2025-09-15 --method bank --ref BANK-2026-028-2025-09-15
q pay 2026-028 3412.50 --date 2025-10-14 --method cash
q pay 2026-028 3412.50 --date 2025-11-16 --method bank --ref BANK-2026-028-2025-11-16
q pay 2026-028 3412.50 --date 2025-12-17 --method card
q pay 2026-028 3412.50 --date 2026-01-17 --method card
q pay 2026-028 3412.50 --date 2026-02-15 --method cash
q pay 2026-028 3412.50 --date 2026-03-19 --method cash
q pay 2026-028 3412.50 --date 2026-04-19 --method bank --ref BANK-2026-028-2026-04-19
q pay 2026-028 3412.50 --date 2026-05-20 --method cash
q pay 2026-028 3412.50 --date 2026-06-17 --method cash
q pay 2026-028 3412.50 --date 2026-07-21 --method bank --ref BANK-2026-028-2026-07-21
q contract add --number 2026-029 --client 29 --amount 48000 --installments 12 --period month --first-due 2026-06-24 --start 2026-06-10 --rate 19.9
q pay 2026-029 4444.16 --date 2026-06-24 --method card
q pay 2026-029 4444.16 --date 2026-07-22 --method card
q pay 2026-029 4444.16 --date 2026-08-26 --method card
q pay 2026-029 4444.16 --date 2026-09-22 --method card
q pay 2026-029 4444.16 --date 2026-10-25 --method bank --ref BANK-2026-029-2026-10-25
q contract add --number 2026-030 --client 30 --amount 60000 --installments 12 --period month --first-due 2025-08-20 --start 2025-08-03 --down 6000
q pay 2026-030 6000.00 --date 2025-08-03 --method cash
q pay 2026-030 4500.00 --date 2025-08-18 --method card
q pay 2026-030 4500.00 --date 2025-09-20 --method card
q pay 2026-030 4500.00 --date 2025-10-19 --method card
q pay 2026-030 4500.00 --date 2025-11-18 --method cash
q pay 2026-030 4500.00 --date 2025-12-18 --method card
q pay 2026-030 4500.00 --date 2026-01-25 --method bank --ref BANK-2026-030-2026-01-25
q pay 2026-030 4500.00 --date 2026-02-19 --method cash
q pay 2026-030 4500.00 --date 2026-03-20 --method card
q pay 2026-030 4500.00 --date 2026-04-22 --method cash
q pay 2026-030 4500.00 --date 2026-05-25 --method card
q pay 2026-030 4500.00 --date 2026-06-24 --method card
q pay 2026-030 4500.00 --date 2026-07-20 --method cash
q contract add --number 2026-031 --client 31 --amount 21000 --installments 6 --period month --first-due 2026-02-06 --start 2026-01-23
q pay 2026-031 3500.00 --date 2026-02-04 --method cash
q pay 2026-031 3500.00 --date 2026-03-05 --method bank --ref BANK-2026-031-2026-03-05
q pay 2026-031 3500.00 --date 2026-04-05 --method cash
q pay 2026-031 3500.00 --date 2026-05-04 --method card
q pay 2026-031 3500.00 --date 2026-06-11 --method card
q pay 2026-031 3500.00 --date 2026-07-09 --method cash
q contract add --number 2026-032 --client 32 --amount 15000 --installments 8 --period week --first-due 2026-11-15 --start 2026-11-14
q pay 2026-032 1875.00 --date 2026-11-14 --method cash
q contract add --number 2026-033 --client 33 --amount 144000 --installments 24 --period month --first-due 2026-07-12 --start 2026-06-23 --down 14400
q pay 2026-033 14400.00 --date 2026-06-23 --method cash
q pay 2026-033 5400.00 --date 2026-07-12 --method card
q pay 2026-033 5400.00 --date 2026-08-11 --method bank --ref BANK-2026-033-2026-08-11
q pay 2026-033 5400.00 --date 2026-09-11 --method cash
q pay 2026-033 5400.00 --date 2026-10-10 --method card
q pay 2026-033 5400.00 --date 2026-11-14 --method cash
q contract add --number 2026-034 --client 34 --amount 22000 --installments 8 --period week --first-due 2026-10-31 --start 2026-10-26
q pay 2026-034 1375.00 --date 2026-11-19 --method cash
q contract add --number 2026-035 --client 35 --amount 91000 --installments 12 --period month --first-due 2026-11-02 --start 2026-10-21 --down 9100
q pay 2026-035 9100.00 --date 2026-10-21 --method cash
q pay 2026-035 6825.00 --date 2026-10-31 --method cash
q contract add --number 2026-036 --client 36 --amount 104000 --installments 1 --period month --first-due 2026-08-17 --start 2026-08-01
q pay 2026-036 104000.00 --date 2026-08-17 --method card
q contract add --number 2026-037 --client 37 --amount 34000 --installments 6 --period month --first-due 2026-07-16 --start 2026-07-05
q pay 2026-037 5666.66 --date 2026-07-17 --method bank --ref BANK-2026-037-2026-07-17
q pay 2026-037 5666.66 --date 2026-08-18 --method card
q pay 2026-037 5666.66 --date 2026-09-21 --method card
q pay 2026-037 5666.66 --date 2026-10-17 --method bank --ref BANK-2026-037-2026-10-17
q contract add --number 2026-038 --client 38 --amount 169000 --installments 1 --period month --first-due 2026-05-25 --start 2026-05-05
q pay 2026-038 169000.00 --date 2026-05-24 --method card
q contract add --number 2026-039 --client 39 --amount 35000 --installments 6 --period month --first-due 2026-08-17 --start 2026-08-14
q pay 2026-039 5833.33 --date 2026-08-17 --method cash
q pay 2026-039 5833.33 --date 2026-09-16 --method cash
q pay 2026-039 5833.33 --date 2026-10-15 --method card
q pay 2026-039 2916.66 --date 2026-11-19 --method cash
q contract add --number 2026-040 --client 40 --amount 112000 --installments 12 --period month --first-due 2025-11-28 --start 2025-11-17 --down 11200
q pay 2026-040 11200.00 --date 2025-11-17 --method cash
q pay 2026-040 8400.00 --date 2025-11-27 --method card
q pay 2026-040 8400.00 --date 2025-12-27 --method card
q pay 2026-040 8400.00 --date 2026-01-26 --method bank --ref BANK-2026-040-2026-01-26
q pay 2026-040 8400.00 --date 2026-02-26 --method cash
q pay 2026-040 8400.00 --date 2026-03-28 --method bank --ref BANK-2026-040-2026-03-28
q pay 2026-040 8400.00 --date 2026-04-26 --method card
q pay 2026-040 8400.00 --date 2026-05-26 --method bank --ref BANK-2026-040-2026-05-26
q pay 2026-040 8400.00 --date 2026-06-28 --method cash
q pay 2026-040 8400.00 --date 2026-07-27 --method card
q pay 2026-040 8400.00 --date 2026-08-26 --method cash
q pay 2026-040 8400.00 --date 2026-09-27 --method bank --ref BANK-2026-040-2026-09-27
q pay 2026-040 4200.00 --date 2026-11-19 --method cash
q contract add --number 2026-041 --client 1 --amount 44000 --installments 12 --period month --first-due 2026-12-15 --start 2026-11-20 --rate 19.9
q contract add --number 2026-042 --client 2 --amount 202000 --installments 24 --period month --first-due 2026-10-03 --start 2026-09-27
q pay 2026-042 8416.66 --date 2026-10-05 --method cash
q pay 2026-042 8416.66 --date 2026-11-02 --method card
q contract add --number 2026-043 --client 3 --amount 156000 --installments 24 --period month --first-due 2026-01-15 --start 2026-01-02 --down 15600
q pay 2026-043 15600.00 --date 2026-01-02 --method cash
q pay 2026-043 5850.00 --date 2026-01-13 --method cash
q pay 2026-043 5850.00 --date 2026-02-13 --method cash
q pay 2026-043 5850.00 --date 2026-03-16 --method cash
q pay 2026-043 5850.00 --date 2026-04-15 --method bank --ref BANK-2026-043-2026-04-15
q pay 2026-043 5850.00 --date 2026-05-17 --method cash
q pay 2026-043 5850.00 --date 2026-06-16 --method card
q pay 2026-043 5850.00 --date 2026-07-13 --method bank --ref BANK-2026-043-2026-07-13
q pay 2026-043 5850.00 --date 2026-08-14 --method bank --ref BANK-2026-043-2026-08-14
q pay 2026-043 5850.00 --date 2026-09-15 --method card
q contract add --number 2026-044 --client 4 --amount 160000 --installments 1 --period month --first-due 2026-12-07 --start 2026-11-20
q contract terminate 2026-044 --reason 'Товар возвращён, договор расторгнут' --date 2026-11-20
q contract add --number 2026-045 --client 5 --amount 40500 --installments 6 --period month --first-due 2026-09-19 --start 2026-09-02
q pay 2026-045 6750.00 --date 2026-09-18 --method bank --ref BANK-2026-045-2026-09-18
q pay 2026-045 6750.00 --date 2026-10-19 --method cash
q pay 2026-045 6750.00 --date 2026-11-19 --method card
q contract add --number 2026-046 --client 6 --amount 382000 --installments 1 --period month --first-due 2026-11-19 --start 2026-11-12
q contract add --number 2026-047 --client 7 --amount 48000 --installments 12 --period month --first-due 2026-08-14 --start 2026-08-09 --rate 19.9
q pay 2026-047 4444.16 --date 2026-08-17 --method cash
q pay 2026-047 4444.16 --date 2026-09-17 --method bank --ref BANK-2026-047-2026-09-17
q pay 2026-047 4444.16 --date 2026-10-13 --method card
q contract add --number 2026-048 --client 8 --amount 84000 --installments 12 --period month --first-due 2025-08-10 --start 2025-08-09
q pay 2026-048 7000.00 --date 2025-08-13 --method bank --ref BANK-2026-048-2025-08-13
q pay 2026-048 7000.00 --date 2025-09-10 --method card
q pay 2026-048 7000.00 --date 2025-10-08 --method card
q pay 2026-048 7000.00 --date 2025-11-08 --method bank --ref BANK-2026-048-2025-11-08
q pay 2026-048 7000.00 --date 2025-12-15 --method cash
q pay 2026-048 7000.00 --date 2026-01-09 --method cash
q pay 2026-048 7000.00 --date 2026-02-09 --method card
q pay 2026-048 7000.00 --date 2026-03-08 --method bank --ref BANK-2026-048-2026-03-08
q pay 2026-048 7000.00 --date 2026-04-11 --method card
q pay 2026-048 7000.00 --date 2026-05-10 --method cash
q pay 2026-048 7000.00 --date 2026-06-09 --method card
q pay 2026-048 7000.00 --date 2026-07-08 --method card
q contract add --number 2026-049 --client 9 --amount 79000 --installments 12 --period month --first-due 2026-08-20 --start 2026-08-17 --rate 19.9
q pay 2026-049 7314.35 --date 2026-08-20 --method cash
q pay 2026-049 7314.35 --date 2026-09-24 --method bank --ref BANK-2026-049-2026-09-24
q pay 2026-049 7314.35 --date 2026-10-20 --method card
q pay 2026-049 7314.35 --date 2026-11-20 --method bank --ref BANK-2026-049-2026-11-20
q contract add --number 2026-050 --client 10 --amount 157000 --installments 1 --period month --first-due 2026-08-14 --start 2026-07-25
q contract add --number 2026-051 --client 11 --amount 209000 --installments 24 --period month --first-due 2026-07-03 --start 2026-06-27
q pay 2026-051 8708.33 --date 2026-07-02 --method card
q pay 2026-051 8708.33 --date 2026-08-03 --method card
q pay 2026-051 8708.33 --date 2026-09-01 --method card
q pay 2026-051 8708.33 --date 2026-10-03 --method bank --ref BANK-2026-051-2026-10-03
q pay 2026-051 8708.33 --date 2026-11-01 --method bank --ref BANK-2026-051-2026-11-01
q contract add --number 2026-052 --client 12 --amount 37000 --installments 6 --period month --first-due 2026-07-11 --start 2026-07-08
q pay 2026-052 6166.66 --date 2026-07-10 --method card
q contract add --number 2026-053 --client 13 --amount 172000 --installments 24 --period month --first-due 2026-07-27 --start 2026-07-14 --down 17200
q pay 2026-053 17200.00 --date 2026-07-14 --method cash
q pay 2026-053 6450.00 --date 2026-07-31 --method cash
q pay 2026-053 6450.00 --date 2026-08-31 --method bank --ref BANK-2026-053-2026-08-31
q pay 2026-053 6450.00 --date 2026-09-30 --method bank --ref BANK-2026-053-2026-09-30
q pay 2026-053 6450.00 --date 2026-11-01 --method bank --ref BANK-2026-053-2026-11-01
q contract add --number 2026-054 --client 14 --amount 41000 --installments 6 --period month --first-due 2026-08-01 --start 2026-07-26
q pay 2026-054 6833.33 --date 2026-08-01 --method cash
q pay 2026-054 6833.33 --date 2026-08-31 --method bank --ref BANK-2026-054-2026-08-31
q pay 2026-054 6833.33 --date 2026-09-29 --method cash
q pay 2026-054 3416.66 --date 2026-11-19 --method cash
q contract add --number 2026-055 --client 15 --amount 20500 --installments 8 --period week --first-due 2026-09-15 --start 2026-09-07
q pay 2026-055 2562.50 --date 2026-09-14 --method cash
q pay 2026-055 2562.50 --date 2026-09-20 --method bank --ref BANK-2026-055-2026-09-20
q pay 2026-055 2562.50 --date 2026-09-28 --method bank --ref BANK-2026-055-2026-09-28
q pay 2026-055 2562.50 --date 2026-10-05 --method card
q pay 2026-055 2562.50 --date 2026-10-11 --method bank --ref BANK-2026-055-2026-10-11
q pay 2026-055 2562.50 --date 2026-10-23 --method cash
q pay 2026-055 2562.50 --date 2026-10-29 --method card
q pay 2026-055 2562.50 --date 2026-11-05 --method cash
q contract add --number 2026-056 --client 16 --amount 199000 --installments 1 --period month --first-due 2026-11-23 --start 2026-11-20
q contract add --number 2026-057 --client 17 --amount 226000 --installments 24 --period month --first-due 2025-06-24 --start 2025-06-23 --down 22600
q pay 2026-057 22600.00 --date 2025-06-23 --method cash
q pay 2026-057 8475.00 --date 2025-06-24 --method bank --ref BANK-2026-057-2025-06-24
q pay 2026-057 8475.00 --date 2025-07-29 --method card
q pay 2026-057 8475.00 --date 2025-08-22 --method bank --ref BANK-2026-057-2025-08-22
q pay 2026-057 8475.00 --date 2025-09-28 --method bank --ref BANK-2026-057-2025-09-28
q pay 2026-057 8475.00 --date 2025-10-22 --method card
q pay 2026-057 8475.00 --date 2025-11-28 --method cash
q pay 2026-057 8475.00 --date 2025-12-22 --method card
q pay 2026-057 8475.00 --date 2026-01-22 --method card
q pay 2026-057 8475.00 --date 2026-03-01 --method bank --ref BANK-2026-057-2026-03-01
q pay 2026-057 8475.00 --date 2026-03-22 --method bank --ref BANK-2026-057-2026-03-22
q pay 2026-057 8475.00 --date 2026-04-23 --method bank --ref BANK-2026-057-2026-04-23
q pay 2026-057 8475.00 --date 2026-05-24 --method bank --ref BANK-2026-057-2026-05-24
q pay 2026-057 8475.00 --date 2026-06-22 --method card
q pay 2026-057 8475.00 --date 2026-07-22 --method cash
q pay 2026-057 8475.00 --date 2026-08-29 --method card
q pay 2026-057 4237.50 --date 2026-11-19 --method cash
q contract add --number 2026-058 --client 18 --amount 85000 --installments 1 --period month --first-due 2026-12-07 --start 2026-11-18
q contract add --number 2026-059 --client 19 --amount 162000 --installments 1 --period month --first-due 2026-12-19 --start 2026-11-20
q contract add --number 2026-060 --client 20 --amount 27000 --installments 6 --period month --first-due 2026-09-01 --start 2026-08-29
q pay 2026-060 4500.00 --date 2026-09-05 --method card
q pay 2026-060 4500.00 --date 2026-10-01 --method cash
q pay 2026-060 4500.00 --date 2026-11-01 --method cash
