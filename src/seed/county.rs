//! Dehua County's bodies as the plan (德政〔2019〕73号) names them, for the seed.

use entity::enums::{RecordCategory, UnitKind};

/// A unit to seed: full name, short name, kind, and the short name of its parent (`None` = a root).
pub struct UnitSeed {
    pub name: &'static str,
    pub short_name: &'static str,
    pub kind: UnitKind,
    pub parent: Option<&'static str>,
}

const fn dept(name: &'static str, short_name: &'static str, parent: &'static str) -> UnitSeed {
    UnitSeed { name, short_name, kind: UnitKind::Department, parent: Some(parent) }
}

const fn root(name: &'static str, short_name: &'static str) -> UnitSeed {
    UnitSeed { name, short_name, kind: UnitKind::Department, parent: None }
}

/// 德化县人民政府 and the other county organs, then the departments. The county government is first.
pub const ORGANS: &[UnitSeed] = &[
    UnitSeed { name: "德化县人民政府", short_name: "县政府", kind: UnitKind::CountyGovernment, parent: None },
    root("中共德化县委员会", "县委"),
    root("德化县人民代表大会常务委员会", "县人大常委会"),
    root("中国人民政治协商会议德化县委员会", "县政协"),
    root("德化县监察委员会", "县监委"),
    root("德化县人民法院", "县人民法院"),
    root("德化县人民检察院", "县检察院"),
    root("中国人民银行德化县支行", "人民银行德化支行"),
    dept("德化县人民政府办公室", "县政府办", "县政府"),
    dept("德化县社会信用体系建设领导小组", "县信用领导小组", "县政府"),
    dept("德化县发展和改革局", "县发改局", "县政府"),
    dept("德化县机关效能建设领导小组办公室", "县效能办", "县政府"),
    dept("德化县人力资源和社会保障局", "县人社局", "县政府"),
    dept("德化县公安局", "县公安局", "县政府"),
    dept("德化县司法局", "县司法局", "县政府"),
    dept("德化县财政局", "县财政局", "县政府"),
    dept("德化县市场监督管理局", "县市场监管局", "县政府"),
    dept("德化县行政服务中心管理委员会", "县行政服务中心", "县政府"),
    dept("德化县住房和城乡建设局", "县住建局", "县政府"),
    dept("德化县交通运输局", "县交通运输局", "县政府"),
    dept("德化县水利局", "县水利局", "县政府"),
    dept("德化县工业信息化和商务局", "县工信商务局", "县政府"),
    dept("德化县招商办公室", "县招商办", "县政府"),
    dept("德化县民政局", "县民政局", "县政府"),
    dept("德化县教育局", "县教育局", "县政府"),
    dept("德化县卫生健康局", "县卫健局", "县政府"),
    dept("德化县自然资源局", "县自然资源局", "县政府"),
    dept("德化县农业农村局", "县农业农村局", "县政府"),
    dept("德化县审计局", "县审计局", "县政府"),
    dept("德化县医疗保障局", "县医保局", "县政府"),
    dept("德化县应急管理局", "县应急管理局", "县政府"),
    dept("德化县文体旅游局", "县文体旅游局", "县政府"),
    dept("中共德化县委办公室", "县委办公室", "县委"),
    dept("中共德化县委组织部", "县委组织部", "县委"),
    dept("中共德化县委宣传部", "县委宣传部", "县委"),
    dept("德化县人大常委会办公室", "县人大常委会办公室", "县人大常委会"),
    dept("德化县人大常委会人事代表工作委员会", "县人大人事代表委", "县人大常委会"),
    dept("政协德化县委员会办公室", "县政协办公室", "县政协"),
    dept("政协德化县委员会提案委员会", "县政协提案委", "县政协"),
];

/// The 18 townships (12 镇, 6 乡) with their 行政区划代码; the codes have gaps.
pub const TOWNSHIPS: [(&str, &str); 18] = [
    ("350526100", "浔中镇"),
    ("350526101", "龙浔镇"),
    ("350526102", "三班镇"),
    ("350526103", "龙门滩镇"),
    ("350526104", "雷峰镇"),
    ("350526105", "南埕镇"),
    ("350526106", "水口镇"),
    ("350526107", "赤水镇"),
    ("350526108", "上涌镇"),
    ("350526109", "葛坑镇"),
    ("350526110", "盖德镇"),
    ("350526111", "美湖镇"),
    ("350526200", "杨梅乡"),
    ("350526202", "汤头乡"),
    ("350526204", "桂阳乡"),
    ("350526206", "国宝乡"),
    ("350526208", "大铭乡"),
    ("350526209", "春美乡"),
];

/// Recording authorities and the categories each may record.
pub const RECORDING_AUTHORITIES: &[(&str, &[RecordCategory])] = &[
    ("县人民法院", &[RecordCategory::JudicialJudgment, RecordCategory::DefaultedJudgmentDebtor]),
    ("县监委", &[RecordCategory::DisciplinarySanction, RecordCategory::Accountability]),
    ("县检察院", &[RecordCategory::JudicialJudgment, RecordCategory::AdministrativePenalty]),
    ("县司法局", &[RecordCategory::JudicialJudgment, RecordCategory::AdministrativePenalty]),
    ("县公安局", &[RecordCategory::AdministrativePenalty]),
    ("县财政局", &[RecordCategory::ContractBreach, RecordCategory::Other]),
];

/// Syllables for synthetic village names (the real ones are not in the plan).
pub const VILLAGE_FIRST: [&str; 24] = [
    "东", "西", "南", "北", "上", "下", "龙", "凤", "石", "林", "溪", "坑", "美", "丁", "高", "新", "桂", "永", "福",
    "宝", "云", "阳", "春", "泉",
];
pub const VILLAGE_SECOND: [&str; 20] = [
    "山", "头", "洋", "坂", "湖", "岭", "田", "墘", "厝", "塘", "岩", "峰", "林", "溪", "口", "埔", "内", "后", "安",
    "竹",
];
