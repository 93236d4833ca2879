"""Places by name (issue 13): GB/T 2260 codes shown as the names people know."""

from core.places import place_name, place_parts


def test_codes_read_as_names_at_every_level() -> None:
    assert place_name("411224") == "河南省三门峡市卢氏县"
    assert place_parts("411224") == ("河南省", "三门峡市", "卢氏县")
    assert place_name("410000") == "河南省"
    assert place_name("110101") == "北京市东城区"  # 市辖区 is a placeholder, not a place
    assert place_name("441900") == "广东省东莞市"  # a city without counties, named once
    assert place_name("810000") == "香港特别行政区"


def test_an_unknown_code_shows_the_code() -> None:
    assert place_name("419999") == "419999"
    assert place_parts("419999") == ()
    assert place_name("") == ""
