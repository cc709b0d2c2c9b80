"""HTML import: realistic Chinese news pages built from the corpus articles.

The pages carry what real ones do (domain.md §5): a navigation bar, a header,
breadcrumbs, a "相关新闻" sidebar, the article in ``<div class="TRS_Editor">``,
a disclaimer, a "最新信息" list, a footer with the ICP number, scripts and
styles. The extracted text must be the article's paragraphs and nothing else.
"""

from __future__ import annotations

import random
from html import escape
from pathlib import Path

import pytest

from annotator.errors import ImportFailedError
from annotator.importing.html import extract_html, read_html
from annotator.resources import demo_corpus_paths

CORPUS = {path.name[:3]: path for path in demo_corpus_paths()}
#: Words that only occur in the page furniture, never in an article.
BOILERPLATE = (
    "网站首页",
    "网站地图",
    "当前位置",
    "相关新闻",
    "最新信息",
    "免责声明",
    "版权所有",
    "ICP备",
    "var ",
    "font-size",
    "分享到",
    "SEO隐藏",
)


def corpus_lines(name: str) -> list[str]:
    return CORPUS[name].read_text(encoding="utf-8").split("\n")


def article_004() -> tuple[str, list[str]]:
    """Title and the seven body lines (three headings, four paragraphs) of 004."""
    lines = corpus_lines("004")
    return lines[0], lines[2:9]


def article_002() -> tuple[str, list[str]]:
    """Title and the seven traditional-script paragraphs of 002."""
    lines = corpus_lines("002")
    return lines[7], [line for line in lines[11:24] if line]


def html_text(text: str) -> str:
    return escape(text, quote=False).replace("\xa0", "&nbsp;")


def news_page(
    title: str,
    paragraphs: list[str],
    *,
    charset: str = '<meta charset="utf-8">',
    site: str = "贵州党建云",
    extra_head: str = "",
) -> str:
    """A page the way Chinese CMSs (TRS WCM and the like) publish one."""
    body = "\n".join(
        f'<p style="text-indent:2em">{html_text(p)}</p>'
        if len(p) > 40
        else f"<p><strong>{html_text(p)}</strong></p>"
        for p in paragraphs
    )
    related = "\n".join(
        f'<li><a href="/news/{i}.html">相关新闻第{i}条：基层党建工作交流会召开</a></li>'
        for i in range(10)
    )
    latest = "\n".join(
        f'<li><span>2024-11-28</span><a href="/x/{i}.html">检察日报：登门问计{i} ...</a></li>'
        for i in range(8)
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{charset}
<title>{escape(title)}_{site}</title>
<meta name="keywords" content="党建,乡村振兴">
<meta name="description" content="铜仁市江口县坚持把发展壮大村级集体经济作为重要举措">
<meta name="author" content="江口县委组织部">
<meta name="PubDate" content="2022-06-29 10:32">
<link rel="canonical" href="https://www.gzdjy.gov.cn/djy/2022/0629/1234.shtml">
<link rel="stylesheet" href="/css/style.css">
<base href="https://example.invalid/">
{extra_head}
<style>body {{ font-size: 14px; }} .nav li {{ float: left; }}</style>
<script>var _hmt = _hmt || []; document.write("网站首页");</script>
</head>
<body>
<div class="top"><a href="/">网站首页</a> | <a href="/map.html">网站地图</a> | 设为首页</div>
<header><h1 class="logo"><img src="/logo.png" alt="logo">{site}</h1></header>
<div class="nav" id="dh"><ul>
<li><a href="/">首页</a></li><li><a href="/djxw/">党建新闻</a></li>
<li><a href="/jcdj/">基层党建</a></li><li><a href="/zzgz/">组织工作</a></li>
</ul></div>
<div class="main">
  <div class="left">
    <div class="dqwz">当前位置：<a href="/">首页</a> &gt;
      <a href="/jcdj/">基层党建</a> &gt; 正文</div>
    <div class="article">
      <h1>{escape(title)}</h1>
      <div class="info">时间:2022-06-29 作者:佚名 来源:{site}</div>
      <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
      <div class="TRS_Editor">
{body}
      </div>
      <div style="display:none">SEO隐藏关键词 国产 精品 在线观看 免费 网站 大全 合集</div>
      <p class="ywlj">原文链接:<a href="https://www.gzzzb.gov.cn/a.htm">https://www.gzzzb.gov.cn/a.htm</a></p>
      <div class="mzsm">[免责声明] 本文来源于网络转载,仅供学习交流使用,不构成商业目的。
        版权归原作者所有。</div>
    </div>
  </div>
  <div class="right sidebar">
    <h3>相关新闻</h3><ul class="list">{related}</ul>
    <h3>最新信息</h3><ul class="list">{latest}</ul>
  </div>
</div>
<menu id="zcyhi"></menu>
<div class="footer">
<p>版权所有：中共贵州省委组织部 地址：贵阳市 电话：0851-12345678</p>
<p><a href="https://beian.miit.gov.cn/">黔ICP备12345678号-1</a></p>
</div>
<script src="/js/count.js"></script>
<script>(function() {{ var s = document.createElement("script"); }})();</script>
</body>
</html>
"""


def test_realistic_page_yields_exactly_the_article(tmp_path: Path) -> None:
    title, paragraphs = article_004()
    path = tmp_path / "article.html"
    path.write_text(news_page(title, paragraphs), encoding="utf-8")
    extracted = read_html(path)
    assert extracted.text == "\n".join(paragraphs)
    for word in BOILERPLATE:
        assert word not in extracted.text
    assert extracted.raw == path.read_text(encoding="utf-8")
    assert extracted.log[0] == "decoded as UTF-8 (declared utf-8)"
    assert extracted.log[1] == "main text from div.TRS_Editor"
    assert extracted.log[2].startswith("dropped ")
    dropped = int(extracted.log[2].split()[1])
    assert dropped > 500  # nav, sidebar lists, disclaimer, footer


def test_hints_from_head_and_heading() -> None:
    title, paragraphs = article_004()
    hints = extract_html(news_page(title, paragraphs).encode()).hints
    assert hints == {
        "title": "铜仁江口:“三个三”凝心聚力抓党建促乡村振兴",
        "site": "贵州党建云",
        "author": "江口县委组织部",
        "published": "2022-06-29",
        "url": "https://www.gzdjy.gov.cn/djy/2022/0629/1234.shtml",
        "description": "铜仁市江口县坚持把发展壮大村级集体经济作为重要举措",
        "keywords": "党建,乡村振兴",
    }


def test_open_graph_wins_and_title_suffix_is_the_site() -> None:
    head = (
        '<meta property="og:title" content="开放图谱标题">'
        '<meta property="og:site_name" content="贵州省委组织部">'
        '<meta property="og:url" content="https://www.gzzzb.gov.cn/og.htm">'
    )
    page = news_page("标题", article_004()[1], extra_head=head).replace(
        '<link rel="canonical" href="https://www.gzdjy.gov.cn/djy/2022/0629/1234.shtml">', ""
    )
    hints = extract_html(page.encode()).hints
    assert hints["title"] == "开放图谱标题"
    assert hints["site"] == "贵州省委组织部"
    assert hints["url"] == "https://www.gzzzb.gov.cn/og.htm"


@pytest.mark.parametrize(
    ("page_title", "title", "site"),
    [
        ("标题_贵州党建云", "标题", "贵州党建云"),
        ("江口县抓党建促乡村振兴 - 中国政府网", "江口县抓党建促乡村振兴", "中国政府网"),
        ("江口县抓党建促乡村振兴|人民网", "江口县抓党建促乡村振兴", "人民网"),
        ("COVID-19 防控 - 要闻 - 中国政府网", "COVID-19 防控 - 要闻", "中国政府网"),
        ("2022-06-29", "2022-06-29", None),
        ("只有标题没有网站", "只有标题没有网站", None),
    ],
)
def test_title_tag_without_heading(page_title: str, title: str, site: str | None) -> None:
    page = (
        f"<html><head><title>{page_title}</title>"
        '<meta name="date" content="2022年6月">'
        f"</head><body><p>{article_004()[1][0]}</p></body></html>"
    )
    hints = extract_html(page.encode()).hints
    assert hints["title"] == title
    assert hints.get("site") == site
    assert hints["published"] == "2022-06"


def test_heading_repeated_in_the_title_wins_over_a_logo() -> None:
    paragraph = article_004()[1][0]
    page = (
        "<html><head><title>江口县抓党建促乡村振兴</title></head><body>"
        "<div><h1>党建网</h1></div><h1>江口县抓党建促乡村振兴</h1>"
        f"<p>{paragraph}</p></body></html>"
    )
    extracted = extract_html(page.encode())
    assert extracted.hints["title"] == "江口县抓党建促乡村振兴"
    assert extracted.text == f"党建网\n江口县抓党建促乡村振兴\n{paragraph}"  # all of a bare page


def test_time_element_gives_the_date() -> None:
    page = (
        '<article><time datetime="2024-12-16T08:00:00+08:00">12月16日</time>'
        f"<p>{article_004()[1][0]}</p></article>"
    )
    extracted = extract_html(page.encode())
    assert extracted.hints["published"] == "2024-12-16"
    assert extracted.log[1] == "main text from article"


def test_gb18030_page_declared_gb2312() -> None:
    title, paragraphs = article_004()
    page = news_page(title, paragraphs, charset='<meta charset="gb2312">')
    extracted = extract_html(page.encode("gb18030"))
    assert extracted.text == "\n".join(paragraphs)
    assert extracted.log[0] == "decoded as GB18030 (declared gb2312)"
    assert extracted.raw == page


def test_big5_page_declared_by_http_equiv() -> None:
    title, paragraphs = article_002()
    charset = '<meta http-equiv="Content-Type" content="text/html; charset=big5">'
    page = news_page(title, paragraphs, charset=charset, site="大國新村")
    html_text("".join(paragraphs)).encode("big5")  # the article itself is pure Big5
    # The simplified-script page furniture is beyond Big5: as on real pages, it
    # becomes numeric character references.
    extracted = extract_html(page.encode("big5", errors="xmlcharrefreplace"))
    # 002 writes "組織部部長\xa0王若嘉": a no-break space is a space in the text.
    assert extracted.text == "\n".join(p.replace("\xa0", " ") for p in paragraphs)
    assert extracted.text.endswith(
        "推動村干部擔當履職。(作者:浙江省天臺縣委常委、組織部部長 王若嘉)"
    )
    assert extracted.log[0] == "decoded as BIG5 (declared big5)"
    assert extracted.hints["title"] == title
    assert extracted.hints["site"] == "大國新村"


def test_undeclared_big5_is_not_read_as_gb18030() -> None:
    """GB18030 accepts Big5 bytes too; the text that reads as Chinese wins."""
    _, paragraphs = article_002()
    page = "<html><body>" + "".join(f"<p>{html_text(p)}</p>" for p in paragraphs)
    extracted = extract_html((page + "</body></html>").encode("big5"))
    assert extracted.text.startswith("實現共同富裕是社會主義的本質要求。")
    assert extracted.log[0] == "no charset declared; decoded as BIG5"


def test_wrong_declared_charset_is_reported() -> None:
    title, paragraphs = article_004()
    gbk_bytes = news_page(title, paragraphs, charset='<meta charset="utf-8">').encode("gb18030")
    extracted = extract_html(gbk_bytes)
    assert extracted.text == "\n".join(paragraphs)
    assert extracted.log[0] == "declared charset utf-8 does not fit the bytes; decoded as GB18030"


def test_utf8_bytes_under_a_stale_gb2312_declaration() -> None:
    """Crawlers save pages as UTF-8 and keep the original ``<meta charset>``."""
    title, paragraphs = article_004()
    utf8 = news_page(title, paragraphs, charset='<meta charset="gb2312">').encode()
    extracted = extract_html(utf8)
    assert extracted.text == "\n".join(paragraphs)
    assert extracted.log[0] == "declared gb2312 but the bytes are UTF-8; decoded as UTF-8"


@pytest.mark.parametrize(
    ("meta", "encoding", "log"),
    [
        # Old sites declare ISO-8859-1 over GBK bytes: every byte "fits" Latin-1.
        ('<meta charset="iso-8859-1">', "gb18030", "declared iso-8859-1 but the bytes are GB18030"),
        ('<meta charset="x-unknown">', "gb18030", "unknown charset 'x-unknown' declared"),
        ('<meta charset="utf-7">', "utf-8", "unknown charset 'utf-7' declared"),
        ("", "gb18030", "no charset declared; decoded as GB18030"),
    ],
)
def test_misleading_declarations(meta: str, encoding: str, log: str) -> None:
    _, paragraphs = article_004()
    page = f"<html><head>{meta}</head><body><div class=content>"
    page += "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></body></html>"
    extracted = extract_html(page.encode(encoding))
    assert extracted.text == "\n".join(paragraphs)
    assert extracted.log[0].startswith(log)


def test_site_logo_heading_is_not_the_title() -> None:
    title, paragraphs = article_004()
    page = news_page(title, paragraphs).replace(f"<h1>{escape(title)}</h1>", "")
    page = page.replace("<header>", "<div class='logo'>").replace("</header>", "</div>")
    assert extract_html(page.encode()).hints["title"] == title  # from <title>, suffix removed


def test_byte_order_mark_and_crlf() -> None:
    page = "<html>\r\n<body>\r\n<p>第一段，党建引领乡村振兴。</p>\r<p>第二段。</p></body></html>"
    extracted = extract_html(b"\xef\xbb\xbf" + page.encode())
    assert extracted.text == "第一段，党建引领乡村振兴。\n第二段。"
    assert "\r" not in extracted.raw
    assert extracted.log[0] == "decoded as UTF-8 (byte-order mark)"
    utf16 = extract_html(b"\xff\xfe" + page.encode("utf-16-le"))
    assert utf16.text == extracted.text


def test_plain_paragraphs_without_container() -> None:
    _, paragraphs = article_004()
    page = "<html><head><title>无容器</title></head><body>"
    page += "".join(f"<p>{p}</p>\n" for p in paragraphs) + "</body></html>"
    extracted = extract_html(page.encode())
    assert extracted.text == "\n".join(paragraphs)
    assert extracted.log[1] == "main text from body"


def test_text_only_page_keeps_the_whole_body() -> None:
    extracted = extract_html("<body>短文一行<br>第二行</body>".encode())
    assert extracted.text == "短文一行\n第二行"
    assert extracted.log[1] == "main text from body"
    bare = extract_html("只是一句话，没有任何标签。".encode())
    assert bare.text == "只是一句话，没有任何标签。"


def test_entities_are_decoded() -> None:
    page = (
        "<div class='content'><p>&nbsp;&nbsp;&nbsp;&nbsp;&ldquo;&#x515A;建引领&rdquo;"
        "&mdash;&mdash;A&amp;B&lt;C&gt;,&#20056;&#39118;破浪。</p></div>"
    )
    assert extract_html(page.encode()).text == "“党建引领”——A&B<C>,乘风破浪。"


def test_line_breaks_and_whitespace() -> None:
    page = """<div id="zoom">
    　　第一段：建强“三支队伍”聚合力，
    推动村民致富增收。<br>
    第二段 Party building 与 乡村振兴<br/><br/>
    产业带 26个。<br>
    <pre>代码  第一行
    第二行</pre>
    </div>"""
    assert extract_html(page.encode()).text == (
        "第一段：建强“三支队伍”聚合力，推动村民致富增收。\n"
        "第二段 Party building 与 乡村振兴\n"
        "产业带 26个。\n"
        "代码 第一行\n"
        "第二行"
    )


def test_unclosed_paragraphs_and_stray_end_tags() -> None:
    _, paragraphs = article_004()
    page = "<div class=text>" + "".join(f"<p>{p}" for p in paragraphs) + "</span></div></body>"
    page += "<p>尾注在 body 结束之后。"
    extracted = extract_html(page.encode())
    assert extracted.text.split("\n")[: len(paragraphs)] == paragraphs


def test_aspnet_form_around_the_whole_page_is_kept() -> None:
    _, paragraphs = article_004()
    page = news_page("标题", paragraphs).replace("<body>", '<body><form id="form1">')
    page = page.replace("</body>", "</form></body>")
    page = page.replace('<div class="top">', '<form class="search"><input name="q">搜索</form>')
    extracted = extract_html(page.encode())
    assert extracted.text == "\n".join(paragraphs)


def test_link_lists_inside_the_container_are_dropped() -> None:
    _, paragraphs = article_004()
    page = (
        "<article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + '<div class="related"><a href="/1">上一篇：某某新闻</a>'
        + '<a href="/2">下一篇：某某新闻</a></div>'
        + "</article>"
    )
    assert extract_html(page.encode()).text == "\n".join(paragraphs)


def test_content_wrapper_holding_a_sidebar_is_not_preferred() -> None:
    """``id="content"`` around the article and a link sidebar: the article alone wins."""
    _, paragraphs = article_004()
    sidebar = "".join(f"<li><a href=#>热点新闻标题第{i}条内容</a></li>" for i in range(12))
    page = "<body><div id='content'><div class='left'>"
    page += "".join(f"<p>{p}</p>" for p in paragraphs)
    page += f"</div><div class='right'><h3>热点</h3><ul>{sidebar}</ul></div></div></body>"
    extracted = extract_html(page.encode())
    assert extracted.text == "\n".join(paragraphs)
    assert extracted.log[1] == "main text from div.left"


def test_paragraphs_spread_over_sibling_divs() -> None:
    _, paragraphs = article_004()
    page = "<body><div class='wrap'>" + "".join(
        f"<div><div><div><p>{p}</p></div></div></div>" for p in paragraphs
    )
    page += (
        "<ul class='list'>" + "<li><a href='#'>其他新闻标题</a></li>" * 20 + "</ul></div></body>"
    )
    assert extract_html(page.encode()).text == "\n".join(paragraphs)


def test_nothing_is_fetched(tmp_path: Path) -> None:
    """Every reference in the page is inert text: no file next to it is even opened."""
    _, paragraphs = article_004()
    page = (
        f'<link rel="import" href="file://{tmp_path}/x.html">'
        f'<iframe src="file://{tmp_path}/frame.html">框架里的字</iframe>'
        f'<img src="file://{tmp_path}/missing.png" alt="图片说明">'
        f"<div class=content><p>{paragraphs[0]}</p></div>"
    )
    assert extract_html(page.encode()).text == paragraphs[0]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t ",
        b"<html><head><title>x</title></head><body></body></html>",
        b"<script>var a = '\xe6\x96\x87\xe5\xad\x97';</script><style>p{}</style>",
        b"<html><body><nav>\xe9\xa6\x96\xe9\xa1\xb5</nav><!-- comment --></body></html>",
    ],
)
def test_empty_pages_are_refused(data: bytes) -> None:
    with pytest.raises(ImportFailedError, match="No main text"):
        extract_html(data)


def test_binary_is_refused() -> None:
    with pytest.raises(ImportFailedError, match="Cannot read the HTML"):
        extract_html(bytes(range(256)) * 8)
    with pytest.raises(ImportFailedError, match="binary data"):
        extract_html(b"\x00\x01\x02\x03PNG\x1a\x1b" * 100)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailedError, match="无法读取 HTML / Cannot read the HTML"):
        read_html(tmp_path / "missing.html")


def test_random_and_mutated_bytes_raise_only_import_errors() -> None:
    rng = random.Random(20240601)
    _, paragraphs = article_004()
    page = news_page("标题", paragraphs).encode()
    samples = [rng.randbytes(rng.randrange(1, 3000)) for _ in range(150)]
    markup = b"<>!&#;[]-/=\"' abcdp\xe5\x85\x9a"
    samples += [bytes(rng.choice(markup) for _ in range(rng.randrange(1, 400))) for _ in range(300)]
    for _ in range(100):
        mutated = bytearray(page)
        for _ in range(rng.randrange(1, 40)):
            mutated[rng.randrange(len(mutated))] = rng.randrange(256)
        samples.append(bytes(mutated))
    samples += [b"<![foo[x]]>", b"<!DOCTYPE [", b"<div>" * 10_000 + "正文。".encode() * 10]
    for data in samples:
        try:
            extracted = extract_html(data)
        except ImportFailedError:
            continue
        assert extracted.text.strip()
        assert "\r" not in extracted.text
        assert "\x00" not in extracted.text
