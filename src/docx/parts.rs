//! The XML parts of the package.
//!
//! Layout in twentieths of a point (twips) and half-points: A4 is 11906 × 16838 twips; the
//! margins 37 / 35 / 28 / 26 mm are 2098 / 1984 / 1587 / 1474 twips; 三号 is 16 pt (sz 32), 二号
//! 22 pt (sz 44), 四号 14 pt (sz 28); the fixed line spacing of 28.89 pt is 578 twips; two
//! characters of 三号 are 640 twips (firstLineChars 200).

use super::xml::escape;
use super::{Docx, Paragraph};
use crate::date::Date;

const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Body font: 仿宋_GB2312 (仿宋 where it is missing; see fontTable.xml).
pub const BODY_FONT: &str = "仿宋_GB2312";
/// Title font.
pub const TITLE_FONT: &str = "宋体";
/// Heading font.
pub const HEADING_FONT: &str = "黑体";

pub const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    r#"</Types>"#
);

pub const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    r#"</Relationships>"#
);

pub const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>"#,
    r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    r#"</Relationships>"#
);

pub const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:zoom w:percent="100"/>"#,
    r#"<w:defaultTabStop w:val="420"/>"#,
    r#"<w:characterSpacingControl w:val="compressPunctuation"/>"#,
    r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
    r#"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>"#,
    r#"</w:settings>"#
);

pub const FONT_TABLE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="仿宋"><w:altName w:val="FangSong"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"</w:fonts>"#
);

/// Run properties of a font at a size (half-points).
fn fonts(font: &str, size: u32) -> String {
    format!(
        r#"<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#
    )
}

pub fn styles() -> String {
    let body = fonts(BODY_FONT, 32);
    let title = fonts(TITLE_FONT, 44);
    let heading = fonts(HEADING_FONT, 32);
    let footer = fonts(TITLE_FONT, 28);
    let style = |id: &str, name: &str, ppr: &str, rpr: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
        )
    };
    let mut s = format!(
        concat!(
            r#"{decl}<w:styles xmlns:w="{w}">"#,
            r#"<w:docDefaults><w:rPrDefault><w:rPr>{body}<w:kern w:val="2"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#,
            r#"<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:before="0" w:after="0" w:line="578" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
            r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#,
        ),
        decl = XML_DECL,
        w = W,
        body = body
    );
    s.push_str(&style(
        "Authority",
        "文书机关名称",
        r#"<w:jc w:val="center"/>"#,
        &format!("{title}<w:b/><w:bCs/>"),
    ));
    s.push_str(&style(
        "DocTitle",
        "文书标题",
        r#"<w:keepNext/><w:jc w:val="center"/>"#,
        &format!("{title}<w:b/><w:bCs/>"),
    ));
    s.push_str(&style(
        "DocNumber",
        "文号",
        r#"<w:spacing w:after="578"/><w:jc w:val="center"/>"#,
        &body,
    ));
    s.push_str(&style(
        "Addressee",
        "主送",
        r#"<w:jc w:val="left"/>"#,
        &body,
    ));
    s.push_str(&format!(
        r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Body"/><w:qFormat/><w:pPr><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>{heading}</w:rPr></w:style>"#
    ));
    s.push_str(&style(
        "Body",
        "正文",
        r#"<w:ind w:firstLineChars="200" w:firstLine="640"/>"#,
        &body,
    ));
    s.push_str(&style(
        "Signature",
        "落款",
        r#"<w:keepNext/><w:spacing w:before="578"/><w:ind w:right="1280" w:rightChars="400"/><w:jc w:val="right"/>"#,
        &body,
    ));
    s.push_str(&style(
        "Closing",
        "成文日期",
        r#"<w:keepNext/><w:ind w:right="1280" w:rightChars="400"/><w:jc w:val="right"/>"#,
        &body,
    ));
    s.push_str(&format!(
        r#"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr><w:rPr>{footer}</w:rPr></w:style>"#
    ));
    s.push_str("</w:styles>");
    s
}

pub fn footer() -> String {
    format!(
        concat!(
            r#"{decl}<w:ftr xmlns:w="{w}" xmlns:r="{r}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>"#,
            r#"<w:r><w:t xml:space="preserve">— </w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
            r#"<w:r><w:t>1</w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"<w:r><w:t xml:space="preserve"> —</w:t></w:r>"#,
            r#"</w:p></w:ftr>"#
        ),
        decl = XML_DECL,
        w = W,
        r = R
    )
}

fn paragraph(p: &Paragraph, out: &mut String) {
    let keep = if p.keep_with_next {
        "<w:keepNext/>"
    } else {
        ""
    };
    out.push_str(&format!(
        r#"<w:p><w:pPr><w:pStyle w:val="{}"/>{keep}</w:pPr>"#,
        p.style.id()
    ));
    for (i, line) in p.text.split('\n').enumerate() {
        out.push_str("<w:r>");
        if i > 0 {
            out.push_str("<w:br/>");
        }
        let line = line.trim_end_matches('\r');
        out.push_str(r#"<w:t xml:space="preserve">"#);
        out.push_str(&escape(line));
        out.push_str("</w:t></w:r>");
    }
    out.push_str("</w:p>");
}

pub fn document(d: &Docx) -> String {
    let mut s = format!(r#"{XML_DECL}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>"#);
    for p in &d.paragraphs {
        paragraph(p, &mut s);
    }
    s.push_str(concat!(
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>"#,
        r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
        r#"<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1417" w:gutter="0"/>"#,
        r#"<w:cols w:space="425"/>"#,
        r#"</w:sectPr></w:body></w:document>"#
    ));
    s
}

/// W3CDTF timestamp of a date at midnight UTC.
fn stamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

pub fn core(d: &Docx) -> String {
    let dates = d
        .date
        .map(|date| {
            format!(
                r#"<dcterms:created xsi:type="dcterms:W3CDTF">{0}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{0}</dcterms:modified>"#,
                stamp(date)
            )
        })
        .unwrap_or_default();
    format!(
        concat!(
            r#"{decl}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{creator}</dc:creator>"#,
            r#"<cp:lastModifiedBy>{creator}</cp:lastModifiedBy><dc:language>zh-CN</dc:language>{dates}"#,
            r#"</cp:coreProperties>"#
        ),
        decl = XML_DECL,
        title = escape(&d.title),
        subject = escape(&d.subject),
        creator = escape(&d.creator),
        dates = dates
    )
}

pub const APP: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
    r#"<Application>裁量基准计算器 (cailiang)</Application><DocSecurity>0</DocSecurity>"#,
    r#"</Properties>"#
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::Style;

    #[test]
    fn a_paragraph_is_escaped_and_styled() {
        let mut s = String::new();
        paragraph(
            &Paragraph {
                style: Style::Body,
                text: "甲<w:p>&\n乙".into(),
                keep_with_next: false,
            },
            &mut s,
        );
        assert_eq!(
            s,
            r#"<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t xml:space="preserve">甲&lt;w:p&gt;&amp;</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">乙</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn the_page_is_a4_with_the_official_margins() {
        let d = Docx {
            title: "t".into(),
            subject: "s".into(),
            creator: "c".into(),
            date: None,
            paragraphs: vec![],
        };
        let doc = document(&d);
        assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
        assert!(doc.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
        let st = styles();
        assert!(st.contains(r#"w:line="578" w:lineRule="exact""#));
        assert!(st.contains(r#"w:eastAsia="仿宋_GB2312""#));
        assert!(st.contains(r#"<w:sz w:val="32"/>"#));
        assert!(!core(&d).contains("dcterms:created"));
    }
}
