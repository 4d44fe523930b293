#!/usr/bin/env python3
"""Writes a 1C client-bank statement (Windows-1251, CRLF) of incoming payments for the benchmark:
one document per row of a payments CSV (contract,date,amount,…), dated the business day before,
each naming its contract in the purpose so that the importer matches it by number.

usage: statement.py PAYMENTS_CSV COUNT OUTPUT   (prints how many documents it wrote)
"""
import csv
import sys

ACCOUNT = "40702810900000012345"
DAY = "19.11.2026"


def main(source, count, output):
    lines = ["1CClientBankExchange", "ВерсияФормата=1.03", "Кодировка=Windows", "Отправитель=Бухгалтерия",
             f"ДатаНачала={DAY}", f"ДатаКонца={DAY}", f"РасчСчет={ACCOUNT}",
             "СекцияРасчСчет", f"РасчСчет={ACCOUNT}", "КонецРасчСчет"]
    with open(source, newline="", encoding="utf-8") as file:
        for number, row in enumerate(csv.DictReader(file), start=1):
            if number > count:
                break
            payer = f"408178100{number:011d}"
            lines += ["СекцияДокумент=Платежное поручение", f"Номер={number}", f"Дата={DAY}",
                      f"Сумма={row['amount']}", f"ПлательщикСчет={payer}", f"Плательщик=Плательщик {number}",
                      f"ПлательщикБИК=044525225", f"ПолучательСчет={ACCOUNT}", f"ДатаПоступило={DAY}",
                      f"НазначениеПлатежа=Оплата по договору №{row['contract']}", "КонецДокумента"]
    documents = sum(1 for line in lines if line == "КонецДокумента")
    lines.append("КонецФайла")
    with open(output, "w", encoding="cp1251", newline="\r\n") as file:
        file.write("\n".join(lines) + "\n")
    print(documents)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
