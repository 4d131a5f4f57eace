"""Identity numbers, phone numbers, plates, VINs and Chinese date formatting."""

from __future__ import annotations

import datetime as dt

import pytest

from paimai_docs.errors import InvalidChecksum, InvalidComponent, InvalidFormat
from paimai_docs.values.contact import validate_bank_account, validate_phone
from paimai_docs.values.dates import (
    formal_date,
    format_date,
    format_date_with_weekday,
    format_datetime,
)
from paimai_docs.values.identity import (
    resident_id_warnings,
    validate_credit_code,
    validate_resident_id,
)
from paimai_docs.values.vehicle import validate_plate, validate_vin, vin_check_digit


class TestResidentId:
    def test_valid_number_is_compacted_and_upper_cased(self) -> None:
        assert validate_resident_id(" 11010519491231002x ") == "11010519491231002X"

    def test_full_width_digits_are_accepted(self) -> None:
        assert validate_resident_id("４１０１０５１９９２０２１５６７８９") == "410105199202156789"

    def test_checksum(self) -> None:
        with pytest.raises(InvalidChecksum):
            validate_resident_id("410105199202156788")

    def test_impossible_birth_date(self) -> None:
        number = "41010519920230123"
        from stdnum.cn import ric

        with pytest.raises(InvalidComponent):
            validate_resident_id(number + ric.calc_check_digit(number + "0"))

    @pytest.mark.parametrize("bad", ["4101051992021567", "41010519920215678A", "", "abc"])
    def test_format(self, bad: str) -> None:
        with pytest.raises(InvalidFormat):
            validate_resident_id(bad)

    def test_repr_is_masked_str_is_not(self) -> None:
        number = validate_resident_id("410105199202156789")
        assert repr(number) == "ResidentId('410105********6789')"
        assert str(number) == "410105199202156789"
        assert f"{number}" == "410105199202156789"

    def test_unknown_county_is_only_a_warning(self) -> None:
        assert validate_resident_id("410724197811052347") == "410724197811052347"
        assert resident_id_warnings("410724197811052347")
        assert resident_id_warnings("410105199202156789") == []


class TestCreditCode:
    def test_valid(self) -> None:
        assert validate_credit_code("91410700ma3x4b7c20") == "91410700MA3X4B7C20"

    def test_checksum(self) -> None:
        with pytest.raises(InvalidChecksum):
            validate_credit_code("91410700MA3X4B7C21")

    @pytest.mark.parametrize("bad", ["9141070", "91410700MA3X4B7CIO", "😀"])
    def test_format(self, bad: str) -> None:
        with pytest.raises(InvalidFormat):
            validate_credit_code(bad)


@pytest.mark.parametrize(
    ("raw", "normal", "kind", "masked"),
    [
        ("13800138000", "13800138000", "mobile", "138****8000"),
        ("138 0013 8000", "13800138000", "mobile", "138****8000"),
        ("+86 138-0013-8000", "13800138000", "mobile", "138****8000"),
        ("１３８００１３８０００", "13800138000", "mobile", "138****8000"),
        ("0373-3512345", "0373-3512345", "landline", "0373-35***45"),
        ("（0373）3512345", "0373-3512345", "landline", "0373-35***45"),
        ("010-62345678", "010-62345678", "landline", "010-62****78"),
        ("0373-3512345转8001", "0373-3512345转8001", "landline", "0373-35***45转8001"),
        ("400-123-4567", "400-1234567", "service", "400****4567"),
        ("12368", "12368", "short", "12368"),
    ],
)
def test_phone_numbers(raw: str, normal: str, kind: str, masked: str) -> None:
    phone = validate_phone(raw)
    assert (phone, phone.kind, phone.masked()) == (normal, kind, masked)


@pytest.mark.parametrize("bad", ["3512345", "12345678901", "138001380001", "电话", "0373-012345"])
def test_bad_phone_numbers(bad: str) -> None:
    with pytest.raises(InvalidFormat):
        validate_phone(bad)


def test_bank_account_is_masked() -> None:
    account = validate_bank_account("6222 0217 0600 1234 567")
    assert account == "6222021706001234567"
    assert account.masked() == "6222***********4567"


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("豫G12345", "豫G12345"),
        ("豫G·12345", "豫G12345"),
        ("豫g 12345", "豫G12345"),
        ("京AD12345", "京AD12345"),  # new energy, small car
        ("粤B12345D", "粤B12345D"),  # new energy, large vehicle
        ("豫GA0321", "豫GA0321"),
        ("豫G1234挂", "豫G1234挂"),
    ],
)
def test_plates(raw: str, normal: str) -> None:
    assert validate_plate(raw) == normal


@pytest.mark.parametrize("bad", ["G12345", "豫I12345", "豫G123", "XX12345", "豫G1234567"])
def test_bad_plates(bad: str) -> None:
    with pytest.raises(InvalidFormat):
        validate_plate(bad)


def test_vin_check_digit_matches_the_iso_3779_worked_example() -> None:
    # The worked example of the North American check-digit scheme (49 CFR 565): 1M8GDM9AXKP042788.
    assert vin_check_digit("1M8GDM9A_KP042788".replace("_", "0")) == "X"
    assert validate_vin("1m8gdm9axkp042788") == "1M8GDM9AXKP042788"


def test_vin_errors() -> None:
    with pytest.raises(InvalidChecksum):
        validate_vin("1M8GDM9A1KP042788")
    with pytest.raises(InvalidFormat):
        validate_vin("1M8GDM9AXKP04278")  # 16 characters
    with pytest.raises(InvalidFormat):
        validate_vin("IM8GDM9AXKP042788")  # I is never used


def test_chinese_dates() -> None:
    day = dt.date(2026, 11, 22)
    assert format_date(day) == "2026年11月22日"
    assert formal_date(day) == "二〇二六年十一月二十二日"
    assert formal_date(dt.date(2030, 10, 10)) == "二〇三〇年十月十日"
    assert formal_date(dt.date(2027, 1, 31)) == "二〇二七年一月三十一日"
    assert format_date_with_weekday(day) == "2026年11月22日（星期日）"
    assert format_datetime(dt.datetime(2026, 11, 22, 9, 30)) == "2026年11月22日 09:30"
    assert format_date(day, "en") == "November 22, 2026"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_dates_are_babels_forms(lang: str) -> None:
    """The date forms written out in values.dates are CLDR's, as Babel prints them: every day of
    a leap year and of years far apart, with and without the weekday and the time."""
    from babel.dates import format_date as babel_date
    from babel.dates import format_time as babel_time

    locale = {"zh": "zh_CN", "en": "en_US"}[lang]
    days = [dt.date(2028, 1, 1) + dt.timedelta(n) for n in range(366)]
    days += [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(1912, 2, 29), dt.date(9999, 12, 31)]
    for day in days:
        assert format_date(day, lang) == babel_date(day, "long", locale=locale)
        moment = dt.datetime.combine(day, dt.time(day.day % 24, day.month * 4))
        expected = (
            f"{babel_date(day, 'long', locale=locale)} {babel_time(moment, 'HH:mm', locale=locale)}"
        )
        assert format_datetime(moment, lang) == expected
    for day in days[:14]:
        if lang == "en":
            assert format_date_with_weekday(day, lang) == babel_date(
                day, "EEE, MMM d, y", locale=locale
            )
