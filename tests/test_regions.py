"""Region and administrative level (domain research §5.8–5.9): the corpus and the false friends."""

from __future__ import annotations

import dataclasses
import re

import pytest
from opencc import OpenCC

from annotator.importing.regions import Region, find_region
from annotator.resources import resource_path

PINYIN = re.compile(r"([\u3400-\u9fff])\(([a-z\u00e0-\u00fc\u0100-\u017f\u01cd-\u01dc]+)\)")


def corpus_text(prefix: str) -> str:
    """The article as simplified text: 001 loses its pinyin first, 001 and 002 go through t2s."""
    (path,) = resource_path("corpus").glob(f"{prefix}_*.txt")
    text = path.read_text(encoding="utf-8")
    if prefix == "001":
        text = PINYIN.sub(r"\1", text)
    if prefix in {"001", "002"}:
        text = OpenCC("t2s").convert(text)
    return text


# mentions: every literal occurrence in the whole file, title, bylines and link lists included
# (§5.9 counted cpca's hits per sentence of the body: 自贡市 3, 江口县 5).
@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("000", Region("四川省自贡市", "510300", "地级市", 4)),
        ("001", Region("河南省安阳市", "410500", "地级市", 2)),
        ("002", Region("浙江省台州市天台县", "331023", "县", 2)),
        ("003", Region("江苏省苏州市张家港市", "320582", "县级市", 2)),
        ("004", Region("贵州省铜仁市江口县", "520621", "县", 6)),
    ],
)
def test_corpus_articles_give_the_region_of_the_metadata_table(
    prefix: str, expected: Region
) -> None:
    assert find_region(corpus_text(prefix)) == expected


def test_the_traditional_article_needs_its_simplified_shadow() -> None:
    (path,) = resource_path("corpus").glob("002_*.txt")
    assert "天臺縣" in path.read_text(encoding="utf-8")
    assert find_region(corpus_text("002")) is not None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "坚持以党建引领乡村振兴,推动村级集体经济发展。",
        "四川、苏州、扬州都有试点。",  # short forms without 省/市
        "利用与四川农业大学等校地合作平台,邀请扬州大学专家。",
        "实施易地搬迁安置,做好搬迁安置后续帮扶。",
        "压实县级党委“第一责任”,县乡村三级联动,各县(市、区)委书记。",
        "推进土地合作和合作社发展,开拓合作市场。",
        "朝阳区召开党建工作会议。",
        "比如县级干部要下沉一线。",
        "推动乡村振兴区域协调发展。",
    ],
)
def test_no_region(text: str) -> None:
    assert find_region(text) is None


@pytest.mark.parametrize(
    ("text", "name", "adcode", "level"),
    [
        # false friends next to the real place
        ("自贡市利用与四川农业大学等校地合作平台", "四川省自贡市", "510300", "地级市"),
        ("扬州大学专家来到扬州市江都区调研", "江苏省扬州市江都区", "321012", "市辖区"),
        ("重庆市各县抓党建促乡村振兴", "重庆市", "500000", "省级"),
        ("四川省", "四川省", "510000", "省级"),
        # a name several divisions share goes where its prefecture or province is named
        ("北京市召开会议。朝阳区介绍经验。", "北京市朝阳区", "110105", "市辖区"),
        ("吉林省长春市朝阳区", "吉林省长春市朝阳区", "220104", "市辖区"),
        ("南京市鼓楼区", "江苏省南京市鼓楼区", "320106", "市辖区"),
        ("江苏省鼓楼区", "江苏省", "320000", "省级"),  # 南京 and 徐州 both have one
        # leftmost-longest: not also 鞍山市, 眉山市
        ("马鞍山市", "安徽省马鞍山市", "340500", "地级市"),
        ("峨眉山市", "四川省乐山市峨眉山市", "511181", "县级市"),
        # everyday words count with their province or prefecture
        ("西藏自治区那曲地区比如县", "西藏自治区那曲地区比如县", "542423", "县"),
        ("湖北省荆州市公安县", "湖北省荆州市公安县", "421022", "县"),
        # levels
        ("恩施州", "湖北省恩施土家族苗族自治州", "422800", "自治州"),
        ("兴安盟", "内蒙古自治区兴安盟", "152200", "盟"),
        ("阿克苏地区", "新疆维吾尔自治区阿克苏地区", "652900", "地区"),
        ("湖北省恩施州来凤县", "湖北省恩施土家族苗族自治州来凤县", "422827", "县"),
        ("恩施市", "湖北省恩施土家族苗族自治州恩施市", "422801", "县级市"),
        ("济源市", "河南省济源市", "419001", "县级市"),
        ("崇明区", "上海市崇明区", "310151", "市辖区"),
        ("城口县", "重庆市城口县", "500229", "县"),
        ("鄂托克旗", "内蒙古自治区鄂尔多斯市鄂托克旗", "150624", "县"),
        ("东莞市", "广东省东莞市", "441900", "地级市"),
    ],
)
def test_region(text: str, name: str, adcode: str, level: str) -> None:
    region = find_region(text)
    assert region is not None
    assert (region.name, region.adcode, region.level) == (name, adcode, level)


def test_a_county_outranks_its_prefecture_and_province() -> None:
    region = find_region("浙江省台州市天台县委常委。天台县推进党建联盟。浙江省")
    assert region == Region("浙江省台州市天台县", "331023", "县", 2)


def test_a_unit_named_less_often_than_the_one_above_it_does_not_win() -> None:
    text = "自贡市建立专班。自贡市召开会议。自贡市推进改革,自流井区试点。"
    assert find_region(text) == Region("四川省自贡市", "510300", "地级市", 3)


def test_units_under_different_prefectures_are_resolved_by_the_count() -> None:
    assert find_region("南京市学习张家港市经验。南京市推进。") == Region(
        "江苏省南京市", "320100", "地级市", 2
    )
    assert find_region("张家港市学习南京市经验。张家港市推进。") == Region(
        "江苏省苏州市张家港市", "320582", "县级市", 2
    )


def test_ties_go_to_the_first_named() -> None:
    region = find_region("安阳市与自贡市")
    assert region is not None
    assert region.adcode == "410500"


def test_region_is_frozen() -> None:
    region = Region("四川省", "510000", "省级", 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        region.mentions = 2  # type: ignore[misc]


def test_divisions_table() -> None:
    lines = resource_path("regions", "divisions.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "adcode\tname\tprovince\tprefecture"
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) == 3219
    assert all(len(row) == 4 and re.fullmatch(r"\d{6}", row[0]) for row in rows)
    assert len({row[0] for row in rows}) == len(rows)
    by_code = {row[0]: row for row in rows}
    for code, name, province, prefecture in rows:
        assert by_code[code[:2] + "0000"][1] == province
        if code.endswith("0000"):
            assert prefecture == ""
        elif code[:4] + "00" in by_code:
            assert by_code[code[:4] + "00"][1] == prefecture
        else:  # the data's placeholder above a municipality's districts, 济源市, 石河子市
            assert prefecture in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
        assert name not in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    assert by_code["320582"] == ["320582", "张家港市", "江苏省", "苏州市"]
    assert by_code["110105"] == ["110105", "朝阳区", "北京市", "市辖区"]  # as cpca gives it
