#include "ledger/synth.h"

#include "ledger/credit_code.h"
#include "ledger/id_number.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>
#include <unordered_set>

namespace drillbase::ledger {

std::uint64_t SynthRng::next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int SynthRng::between(int lo, int hi) {
    const auto range = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<int>(((next() >> 32) * range) >> 32);
}

namespace {

constexpr std::array<const char*, 30> kSurnames{
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
constexpr std::array<const char*, 20> kMaleGiven{"伟", "强", "磊", "军", "勇", "杰", "涛",
                                                 "斌", "超", "明", "刚", "平", "辉", "鹏",
                                                 "华", "飞", "鑫", "波", "宇", "浩"};
constexpr std::array<const char*, 20> kFemaleGiven{"芳", "娜", "敏", "静", "丽", "艳", "娟",
                                                   "霞", "燕", "玲", "桂", "英", "秀", "兰",
                                                   "婷", "雪", "琳", "倩", "颖", "慧"};
constexpr std::array<const char*, 16> kTradeNames{"鑫源", "华泰", "宏达", "恒力", "金鼎", "瑞丰",
                                                  "东方", "泰山", "齐鲁", "海晟", "正大", "永安",
                                                  "兴业", "盛世", "国信", "德润"};
// Special operations of the catalogue annexed to SAWS Order No. 30.
constexpr std::array<const char*, 8> kOperations{"电工作业",
                                                 "焊接与热切割作业",
                                                 "高处作业",
                                                 "制冷与空调作业",
                                                 "危险化学品安全作业",
                                                 "烟花爆竹安全作业",
                                                 "金属非金属矿山安全作业",
                                                 "冶金（有色）生产安全作业"};

std::string orgSuffix(const std::string& industry) {
    static const std::array<std::pair<std::string_view, const char*>, 11> kSuffix{{
        {"coal_mining", "煤业有限公司"},
        {"non_coal_mining", "矿业有限公司"},
        {"hazardous_chemicals", "化工有限公司"},
        {"fireworks", "烟花爆竹有限公司"},
        {"metal_smelting", "冶金有限公司"},
        {"construction", "建设工程有限公司"},
        {"manufacturing", "机械制造有限公司"},
        {"transport", "运输有限公司"},
        {"warehousing_logistics", "物流有限公司"},
        {"trade_services", "商贸有限公司"},
        {"other", "实业有限公司"},
    }};
    for (const auto& [id, suffix] : kSuffix)
        if (id == industry) return suffix;
    return "有限公司";
}

// GB 11714-1997 organisation code check character: weights 3 7 9 10 5 8 4 2,
// C9 = 11 - (sum mod 11), 10 -> 'X', 11 -> '0'.
char gb11714CheckChar(std::string_view body8) {
    static constexpr int kWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (body8[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    const int c = 11 - sum % 11;
    return c == 10 ? 'X' : c == 11 ? '0' : static_cast<char>('0' + c);
}

std::string digits(std::int64_t value, int width) {
    std::string s = std::to_string(value);
    return std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(s.size()))),
                       '0') +
           s;
}

// "9" registered by market regulation, "1" an enterprise (GB 32100 table 1 and 2), then the
// county, a unique GB 11714 organisation code and the GB 32100 check character.
std::string creditCodeFor(std::int64_t index, const std::string& county) {
    // 7919 is prime to 10^8, so index -> body is one-to-one: no two organisations collide.
    const std::string body = digits((index * 7919 + 12345678) % 100000000, 8);
    std::string code = "91" + county + body + gb11714CheckChar(body);
    code += gb32100CheckChar(code);
    return code;
}

std::string at(const CivilDate& d) {
    return d.iso() + "T09:00:00Z";
}

struct Org {
    std::string code;
    std::string industry;
    bool highRisk = false;
    std::size_t county = 0;
};

template <class List>
const char* pickFrom(SynthRng& rng, const List& list) {
    return list[static_cast<std::size_t>(rng.between(0, static_cast<int>(list.size()) - 1))];
}

// Writes one province; every random draw happens in a fixed order, so a seed fixes the
// province whatever the batch size.
class ProvinceWriter {
public:
    ProvinceWriter(RecordSink& sink, const RegionList& regions, const SynthOptions& o)
        : sink_(sink), o_(o), today_(o.today), rng_(o.seed), orgRng_(o.seed ^ kOrgStream) {
        used_.reserve(static_cast<std::size_t>(o.people));
        if (regions.synthCounties.empty())
            throw std::invalid_argument("regions: synth_counties lists no county");
        for (const auto& code : regions.synthCounties) {
            const RegionName* city = regions.find(regions.find(code)->cityCode);
            counties_.push_back({code, city ? tradeRegionName(city->zh) : std::string()});
        }
    }

    // About 150 staff per organisation, as in a province's registered enterprises with
    // safety-training duties (most small, a few large).
    void organisations(const IndustryList& industries) {
        orgs_.resize(static_cast<std::size_t>(std::max<std::int64_t>(3, o_.people / 150)));
        for (std::size_t i = 0; i < orgs_.size(); ++i) {
            auto& org = orgs_[i];
            const auto& ind = industries.industries[static_cast<std::size_t>(
                rng_.between(0, static_cast<int>(industries.industries.size()) - 1))];
            org.industry = ind.id;
            org.highRisk = ind.highRisk;
            org.county = static_cast<std::size_t>(rng_.between(0, countyCount() - 1));
            org.code = creditCodeFor(static_cast<std::int64_t>(i), counties_[org.county].code);
            std::string name = counties_[org.county].city;
            name += pickFrom(rng_, kTradeNames);
            name += pickFrom(rng_, kTradeNames);
            name += orgSuffix(org.industry);
            // The region is left to default to the credit code's division (the county).
            OrganisationInput in{org.code, name, org.industry, "", "", "", ""};
            in.supervisionLevel = supervisionLevel(org.highRisk);
            in.riskColour = riskColour(org.highRisk);
            sink_.registerOrganisation(in, at(today_.addDays(-4000)));
            ++sum_.organisations;
            ++sum_.records;
        }
    }

    void person() {
        const Org& org =
            orgs_[static_cast<std::size_t>(rng_.between(0, static_cast<int>(orgs_.size()) - 1))];
        CivilDate birth;
        const std::string number = identityNumber(org, birth);
        const bool male = (number[16] - '0') % 2 == 1;  // GB 11643: odd sequence = man
        std::string name = pickFrom(rng_, kSurnames);
        const auto& given = male ? kMaleGiven : kFemaleGiven;
        name += pickFrom(rng_, given);
        if (rng_.chance(70)) name += pickFrom(rng_, given);

        const int roll = rng_.between(0, 99);
        const Role role = roll < 3    ? Role::PrincipalPerson
                          : roll < 10 ? Role::SafetyManager
                          : roll < 40 ? Role::SpecialOperationsWorker
                                      : Role::NewWorker;
        const CivilDate hired =
            std::max(today_.addDays(-rng_.between(30, 12 * 365)), birth.addYears(18));
        const auto doc = parseResidentId(number, today_);
        const std::string id = sink_.registerPerson(name, *doc.document, at(hired));
        sum_.records += 1;
        if (role == Role::SpecialOperationsWorker)
            specialOperations(id, number, org, hired);
        else
            staffTraining(id, org, role, hired);
        ++sum_.people;
    }

    const SynthSummary& summary() const { return sum_; }

private:
    // Mostly born in the employer's county; ages 20 to 58; never the same number twice.
    std::string identityNumber(const Org& org, CivilDate& birth) {
        const auto county = rng_.chance(70)
                                ? org.county
                                : static_cast<std::size_t>(rng_.between(0, countyCount() - 1));
        std::string first17;
        do {
            birth = today_.addDays(-rng_.between(20 * 366, 58 * 365));
            first17 = counties_[county].code + digits(birth.year, 4) + digits(birth.month, 2) +
                      digits(birth.day, 2) + digits(rng_.between(0, 999), 3);
        } while (!used_.insert(std::stoull(first17)).second);
        std::string number = first17 + gb11643CheckChar(first17);
        if (o_.registeredIdNumbers) o_.registeredIdNumbers->push_back(number);
        return number;
    }

    // Training, theory then practical exam, the certificate, and its 3-year review
    // (SAWS Order No. 30 art. 19-21).
    void specialOperations(const std::string& person, const std::string& number, const Org& org,
                           CivilDate hired) {
        // Issued over the last 6.5 years: some expired, some expiring, some due for review.
        const CivilDate issued = today_.addDays(-rng_.between(0, 6 * 365 + 200));
        const CivilDate trained = issued.addDays(-rng_.between(45, 60));
        hired = std::min(hired, trained.addDays(-rng_.between(0, 400)));
        sink_.assignRole(person, org.code, Role::SpecialOperationsWorker, hired, at(hired));
        const std::string op = pickFrom(rng_, kOperations);
        sink_.recordTraining(person, trained, 48, "special_ops", op + "安全技术培训", at(trained));
        CivilDate theory = trained.addDays(10);
        if (rng_.chance(10)) {  // failed once, passed the make-up a week later
            sink_.recordExam(person, "special_operations", ExamPart::Theory, theory,
                             rng_.between(40, 79), at(theory));
            theory = theory.addDays(7);
            sum_.records += 1;
        }
        sink_.recordExam(person, "special_operations", ExamPart::Theory, theory,
                         rng_.between(80, 100), at(theory));
        const CivilDate practical = theory.addDays(3);
        sink_.recordExam(person, "special_operations", ExamPart::Practical, practical,
                         rng_.between(80, 100), at(practical));
        const auto cert =
            sink_.issueSpecialOpsCertificate(person, "T" + number, op, issued, at(issued));
        sum_.records += 5;
        ++sum_.certificates;
        const CivilDate due = issued.addYears(3);
        if (due.addDays(-55) <= today_ && rng_.chance(80)) {
            // Reviewed inside the 60 days before the due date (art. 20), after at least 8
            // class hours of review training (art. 21).
            const CivilDate reviewed = std::min(today_, due.addDays(-rng_.between(5, 55)));
            const CivilDate rt = reviewed.addDays(-rng_.between(1, 20));
            sink_.recordTraining(person, rt, 8, "review", op + "复审培训", at(rt));
            sink_.recordCertificateReview(cert, reviewed, at(reviewed));
            sum_.records += 2;
        }
    }

    // Hours of 生产经营单位安全培训规定 art. 9 and 13 (content/certification-rules.json):
    // initial training, and this year's refresher for most of those hired before it.
    void staffTraining(const std::string& person, const Org& org, Role role,
                       const CivilDate& hired) {
        sink_.assignRole(person, org.code, role, hired, at(hired));
        const bool manager = role != Role::NewWorker;
        const int initial = manager ? (org.highRisk ? 48 : 32) : (org.highRisk ? 72 : 24);
        const int annual = manager ? (org.highRisk ? 16 : 12) : (org.highRisk ? 20 : 0);
        const CivilDate first = std::min(today_, hired.addDays(rng_.between(0, 10)));
        sink_.recordTraining(person, first, initial, "initial",
                             manager ? "安全生产知识和管理能力培训" : "岗前三级安全教育",
                             at(first));
        sum_.records += 2;
        const CivilDate jan1{today_.year, 1, 1};
        if (annual > 0 && hired < jan1 && rng_.chance(85)) {
            const CivilDate d =
                jan1.addDays(rng_.between(0, static_cast<int>(daysBetween(jan1, today_))));
            sink_.recordTraining(person, d, annual, "annual", "年度再培训", at(d));
            sum_.records += 1;
        }
    }

    int countyCount() const { return static_cast<int>(counties_.size()); }

    // Most organisations are watched by the county bureau; mines and hazardous-chemical
    // plants more often by the city or the province (分级属地监管). Drawn from a stream of
    // their own, so adding these fields left every other draw, and so the people, unchanged.
    const char* supervisionLevel(bool highRisk) {
        const int roll = orgRng_.between(0, 99);
        if (highRisk)
            return roll < 3 ? "national" : roll < 20 ? "provincial" : roll < 55 ? "city" : "county";
        return roll < 1 ? "national" : roll < 5 ? "provincial" : roll < 25 ? "city" : "county";
    }
    // 安全风险四色分级: most sites blue or yellow, few red; high-risk industries run higher.
    const char* riskColour(bool highRisk) {
        const int roll = orgRng_.between(0, 99);
        if (highRisk)
            return roll < 8 ? "red" : roll < 28 ? "orange" : roll < 70 ? "yellow" : "blue";
        return roll < 1 ? "red" : roll < 6 ? "orange" : roll < 35 ? "yellow" : "blue";
    }

    struct County {
        std::string code;
        std::string city;  // as it stands in a company name
    };
    // Company names carry the city without its suffix: 济南市 -> "济南鑫源华泰化工有限公司".
    static std::string tradeRegionName(const std::string& cityZh) {
        static const std::string kShi = "市";
        if (cityZh.size() > kShi.size() &&
            cityZh.compare(cityZh.size() - kShi.size(), kShi.size(), kShi) == 0)
            return cityZh.substr(0, cityZh.size() - kShi.size());
        return cityZh;
    }
    static constexpr std::uint64_t kOrgStream = 0x6f72672d6669656cull;  // "org-fiel"

    RecordSink& sink_;
    const SynthOptions& o_;
    CivilDate today_;
    SynthRng rng_;
    SynthRng orgRng_;
    std::vector<County> counties_;
    std::vector<Org> orgs_;
    std::unordered_set<std::uint64_t> used_;
    SynthSummary sum_;
};

}  // namespace

SynthSummary synthesizeProvince(RecordSink& sink, const IndustryList& industries,
                                const RegionList& regions, const SynthOptions& o,
                                const std::function<void(const std::function<void()>&)>& batch) {
    ProvinceWriter w(sink, regions, o);
    batch([&] { w.organisations(industries); });
    std::int64_t done = 0;
    while (done < o.people) {
        const std::int64_t end = std::min(o.people, done + std::max(1, o.peoplePerBatch));
        batch([&] {
            for (std::int64_t n = done; n < end; ++n) w.person();
        });
        done = end;
        if (o.progress) o.progress(done);
    }
    return w.summary();
}

SynthSummary synthesizeProvince(BulkWriter& writer, const IndustryList& industries,
                                const RegionList& regions, const SynthOptions& options) {
    return synthesizeProvince(writer, industries, regions, options,
                              [&](const std::function<void()>& body) { writer.batch(body); });
}

}  // namespace drillbase::ledger
