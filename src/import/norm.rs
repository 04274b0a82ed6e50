//! The text the clause parsers read: white space removed, full-width digits, letters and
//! punctuation folded to one form, the traditional characters of legal texts mapped to
//! simplified ones — with every folded character remembering the bytes of the original text it
//! came from, so that each parse result can point at the original words ([`Fragment`]).

use serde::Serialize;

/// A piece of the original text: its bytes `start..end` and the text itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    /// The original text of the piece.
    pub text: String,
    /// Byte offset of its start in the text given to the parser.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
}

/// The folded text: one `char` per kept original character.
pub(crate) struct Norm<'a> {
    src: &'a str,
    pub chars: Vec<char>,
    /// Original byte range of each folded character.
    at: Vec<(usize, usize)>,
}

impl<'a> Norm<'a> {
    /// Folds `src` (see the module docs).
    pub fn new(src: &'a str) -> Norm<'a> {
        let orig: Vec<(usize, char)> = src.char_indices().collect();
        let mut chars = Vec::with_capacity(orig.len());
        let mut at = Vec::with_capacity(orig.len());
        let digit_at = |k: usize| orig.get(k).is_some_and(|&(_, c)| fold(c).is_ascii_digit());
        for (k, &(b, c)) in orig.iter().enumerate() {
            if is_space(c) {
                continue;
            }
            let end = b + c.len_utf8();
            let f = fold(c);
            // "1,000" and "1，000": a thousands separator between digits, dropped.
            if f == '，'
                && k > 0
                && digit_at(k - 1)
                && (1..=3).all(|d| digit_at(k + d))
                && !digit_at(k + 4)
            {
                continue;
            }
            chars.push(f);
            at.push((b, end));
        }
        Norm { src, chars, at }
    }

    /// Number of folded characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The original text behind folded characters `i..j`.
    pub fn frag(&self, i: usize, j: usize) -> Fragment {
        let j = j.min(self.at.len());
        if i >= j {
            let b = self.at.get(i).map(|a| a.0).unwrap_or(self.src.len());
            return Fragment {
                text: String::new(),
                start: b,
                end: b,
            };
        }
        let (start, end) = (self.at[i].0, self.at[j - 1].1);
        Fragment {
            text: self.src.get(start..end).unwrap_or_default().to_string(),
            start,
            end,
        }
    }

    /// The folded text of `i..j`.
    pub fn string(&self, i: usize, j: usize) -> String {
        let j = j.min(self.chars.len());
        if i >= j {
            return String::new();
        }
        self.chars[i..j].iter().collect()
    }

    /// Whether the folded text at `i` starts with `pat`.
    pub fn at(&self, i: usize, pat: &str) -> bool {
        (i..)
            .zip(pat.chars())
            .all(|(k, p)| self.chars.get(k) == Some(&p))
    }

    /// The first `i` in `from..to` where `pat` starts.
    pub fn find(&self, pat: &str, from: usize, to: usize) -> Option<usize> {
        let n = pat.chars().count();
        (from..to.min(self.chars.len())).find(|&i| i + n <= to && self.at(i, pat))
    }
}

/// White space of any width (and the zero-width characters scraped texts carry).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}' | '\u{3000}')
}

/// One character in its folded form.
pub(crate) fn fold(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '．' => '.',
        '％' | '﹪' => '%',
        '（' | '﹙' => '(',
        '）' | '﹚' => ')',
        ',' => '，',
        ';' | '﹔' => '；',
        ':' | '﹕' => '：',
        '－' | '﹣' => '-',
        '～' => '~',
        '“' | '”' | '「' | '」' => '"',
        _ => simplified(c),
    }
}

/// Traditional characters of legal and benchmark texts (北京、河北、浙江 tables are found in
/// them) and their simplified forms, sorted by the traditional character.
const TRADITIONAL: &[(char, char)] = &[
    ('並', '并'),
    ('佔', '占'),
    ('來', '来'),
    ('倉', '仓'),
    ('個', '个'),
    ('們', '们'),
    ('偽', '伪'),
    ('備', '备'),
    ('傷', '伤'),
    ('傾', '倾'),
    ('僅', '仅'),
    ('價', '价'),
    ('億', '亿'),
    ('償', '偿'),
    ('儲', '储'),
    ('內', '内'),
    ('兩', '两'),
    ('冊', '册'),
    ('別', '别'),
    ('則', '则'),
    ('劃', '划'),
    ('劑', '剂'),
    ('動', '动'),
    ('務', '务'),
    ('勝', '胜'),
    ('勞', '劳'),
    ('區', '区'),
    ('協', '协'),
    ('參', '参'),
    ('員', '员'),
    ('單', '单'),
    ('噸', '吨'),
    ('嚴', '严'),
    ('國', '国'),
    ('圍', '围'),
    ('園', '园'),
    ('圖', '图'),
    ('團', '团'),
    ('執', '执'),
    ('報', '报'),
    ('場', '场'),
    ('壓', '压'),
    ('壞', '坏'),
    ('夠', '够'),
    ('學', '学'),
    ('實', '实'),
    ('審', '审'),
    ('專', '专'),
    ('對', '对'),
    ('導', '导'),
    ('屆', '届'),
    ('層', '层'),
    ('屬', '属'),
    ('師', '师'),
    ('帳', '账'),
    ('幣', '币'),
    ('幫', '帮'),
    ('幹', '干'),
    ('幾', '几'),
    ('庫', '库'),
    ('廁', '厕'),
    ('廠', '厂'),
    ('廢', '废'),
    ('廣', '广'),
    ('廳', '厅'),
    ('強', '强'),
    ('後', '后'),
    ('從', '从'),
    ('復', '复'),
    ('惡', '恶'),
    ('態', '态'),
    ('應', '应'),
    ('懲', '惩'),
    ('懸', '悬'),
    ('戶', '户'),
    ('掛', '挂'),
    ('採', '采'),
    ('損', '损'),
    ('撥', '拨'),
    ('擁', '拥'),
    ('擔', '担'),
    ('據', '据'),
    ('擬', '拟'),
    ('擺', '摆'),
    ('擾', '扰'),
    ('攤', '摊'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('書', '书'),
    ('會', '会'),
    ('條', '条'),
    ('棄', '弃'),
    ('棟', '栋'),
    ('業', '业'),
    ('構', '构'),
    ('樑', '梁'),
    ('樓', '楼'),
    ('標', '标'),
    ('橋', '桥'),
    ('機', '机'),
    ('檔', '档'),
    ('檢', '检'),
    ('權', '权'),
    ('歲', '岁'),
    ('歷', '历'),
    ('歸', '归'),
    ('氣', '气'),
    ('決', '决'),
    ('沒', '没'),
    ('況', '况'),
    ('淨', '净'),
    ('減', '减'),
    ('測', '测'),
    ('準', '准'),
    ('滅', '灭'),
    ('滯', '滞'),
    ('滿', '满'),
    ('潔', '洁'),
    ('濕', '湿'),
    ('濟', '济'),
    ('灑', '洒'),
    ('灣', '湾'),
    ('災', '灾'),
    ('為', '为'),
    ('無', '无'),
    ('煙', '烟'),
    ('熱', '热'),
    ('燈', '灯'),
    ('燒', '烧'),
    ('營', '营'),
    ('爐', '炉'),
    ('牆', '墙'),
    ('狀', '状'),
    ('獎', '奖'),
    ('獨', '独'),
    ('獲', '获'),
    ('現', '现'),
    ('環', '环'),
    ('產', '产'),
    ('畝', '亩'),
    ('畫', '画'),
    ('當', '当'),
    ('療', '疗'),
    ('發', '发'),
    ('監', '监'),
    ('瞞', '瞒'),
    ('確', '确'),
    ('碼', '码'),
    ('礦', '矿'),
    ('稅', '税'),
    ('種', '种'),
    ('稱', '称'),
    ('積', '积'),
    ('節', '节'),
    ('範', '范'),
    ('築', '筑'),
    ('簽', '签'),
    ('糾', '纠'),
    ('紀', '纪'),
    ('約', '约'),
    ('紋', '纹'),
    ('納', '纳'),
    ('級', '级'),
    ('細', '细'),
    ('組', '组'),
    ('結', '结'),
    ('絕', '绝'),
    ('絡', '络'),
    ('給', '给'),
    ('統', '统'),
    ('經', '经'),
    ('綠', '绿'),
    ('綫', '线'),
    ('網', '网'),
    ('線', '线'),
    ('編', '编'),
    ('縣', '县'),
    ('總', '总'),
    ('織', '织'),
    ('繕', '缮'),
    ('繪', '绘'),
    ('繳', '缴'),
    ('續', '续'),
    ('纜', '缆'),
    ('罰', '罚'),
    ('義', '义'),
    ('聲', '声'),
    ('職', '职'),
    ('聽', '听'),
    ('臺', '台'),
    ('與', '与'),
    ('舊', '旧'),
    ('莊', '庄'),
    ('華', '华'),
    ('萬', '万'),
    ('蓋', '盖'),
    ('藥', '药'),
    ('處', '处'),
    ('虛', '虚'),
    ('號', '号'),
    ('術', '术'),
    ('衛', '卫'),
    ('補', '补'),
    ('裝', '装'),
    ('製', '制'),
    ('複', '复'),
    ('規', '规'),
    ('訂', '订'),
    ('計', '计'),
    ('託', '托'),
    ('記', '记'),
    ('訟', '讼'),
    ('設', '设'),
    ('許', '许'),
    ('訴', '诉'),
    ('註', '注'),
    ('評', '评'),
    ('詢', '询'),
    ('該', '该'),
    ('認', '认'),
    ('誠', '诚'),
    ('誤', '误'),
    ('調', '调'),
    ('談', '谈'),
    ('請', '请'),
    ('諮', '咨'),
    ('謹', '谨'),
    ('證', '证'),
    ('識', '识'),
    ('議', '议'),
    ('護', '护'),
    ('讀', '读'),
    ('變', '变'),
    ('讓', '让'),
    ('負', '负'),
    ('財', '财'),
    ('貨', '货'),
    ('販', '贩'),
    ('責', '责'),
    ('貳', '贰'),
    ('買', '买'),
    ('貸', '贷'),
    ('費', '费'),
    ('貼', '贴'),
    ('賂', '赂'),
    ('賄', '贿'),
    ('資', '资'),
    ('賠', '赔'),
    ('賣', '卖'),
    ('質', '质'),
    ('賬', '账'),
    ('購', '购'),
    ('贓', '赃'),
    ('車', '车'),
    ('軌', '轨'),
    ('較', '较'),
    ('輕', '轻'),
    ('輛', '辆'),
    ('輸', '输'),
    ('轉', '转'),
    ('辦', '办'),
    ('辯', '辩'),
    ('這', '这'),
    ('連', '连'),
    ('週', '周'),
    ('進', '进'),
    ('運', '运'),
    ('過', '过'),
    ('達', '达'),
    ('違', '违'),
    ('遞', '递'),
    ('適', '适'),
    ('遲', '迟'),
    ('遷', '迁'),
    ('選', '选'),
    ('遺', '遗'),
    ('還', '还'),
    ('邊', '边'),
    ('鄉', '乡'),
    ('鄰', '邻'),
    ('醫', '医'),
    ('釋', '释'),
    ('銀', '银'),
    ('銷', '销'),
    ('鋪', '铺'),
    ('鋼', '钢'),
    ('錄', '录'),
    ('錢', '钱'),
    ('錯', '错'),
    ('鍋', '锅'),
    ('鎮', '镇'),
    ('鐵', '铁'),
    ('鑑', '鉴'),
    ('鑒', '鉴'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('闆', '板'),
    ('關', '关'),
    ('陰', '阴'),
    ('陸', '陆'),
    ('陽', '阳'),
    ('隊', '队'),
    ('階', '阶'),
    ('際', '际'),
    ('險', '险'),
    ('隱', '隐'),
    ('雖', '虽'),
    ('雜', '杂'),
    ('電', '电'),
    ('響', '响'),
    ('項', '项'),
    ('須', '须'),
    ('預', '预'),
    ('頓', '顿'),
    ('領', '领'),
    ('頭', '头'),
    ('額', '额'),
    ('類', '类'),
    ('風', '风'),
    ('飾', '饰'),
    ('騙', '骗'),
    ('驗', '验'),
    ('體', '体'),
    ('點', '点'),
];

/// The simplified form of a traditional character (the character itself if it has none here).
pub(crate) fn simplified(c: char) -> char {
    if (c as u32) < 0x4E00 {
        return c;
    }
    match TRADITIONAL.binary_search_by(|&(t, _)| t.cmp(&c)) {
        Ok(i) => TRADITIONAL[i].1,
        Err(_) => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_maps_to_other_characters() {
        assert!(TRADITIONAL.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TRADITIONAL.iter().all(|(t, s)| t != s));
    }

    #[test]
    fn folding_keeps_the_way_back() {
        let src = "處二十萬以上 三十萬元以下罰款（含本數），１．３％；1,000元";
        let n = Norm::new(src);
        assert_eq!(
            n.string(0, n.len()),
            "处二十万以上三十万元以下罚款(含本数)，1.3%；1000元"
        );
        let i = n.find("三十万", 0, n.len()).unwrap_or(0);
        let f = n.frag(i, i + 3);
        assert_eq!(f.text, "三十萬");
        assert_eq!(&src[f.start..f.end], "三十萬");
        let j = n.find("1.3", 0, n.len()).unwrap_or(0);
        assert_eq!(n.frag(j, j + 4).text, "１．３％");
        assert_eq!(n.frag(5, 5).text, "");
        // "以上 三十" across the removed space keeps the space in the original.
        let k = n.find("以上三十", 0, n.len()).unwrap_or(0);
        assert_eq!(n.frag(k, k + 4).text, "以上 三十");
    }
}
