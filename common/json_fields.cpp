#include "common/json_fields.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace drillbase {

namespace {
// Levenshtein distance over bytes (keys are ASCII), two rows.
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min(
                {prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string nearestName(std::string_view word, std::span<const std::string_view> candidates) {
    // Keys longer than this are not worth comparing (and bound the work on hostile input).
    constexpr std::size_t kMaxCompared = 64;
    if (word.size() > kMaxCompared) return {};
    std::string best;
    std::size_t bestD = std::max<std::size_t>(2, word.size() / 3) + 1;
    // A key cut short ("air_changes" for "air_changes_per_hour") is a likely mistake too.
    if (word.size() >= 4)
        for (auto c : candidates)
            if (c.size() > word.size() && c.substr(0, word.size()) == word) return std::string(c);
    for (auto c : candidates) {
        const std::size_t d = editDistance(word, c);
        if (d < bestD) {
            bestD = d;
            best = std::string(c);
        }
    }
    return best;
}

bool FieldReader::knownKeys(const std::string& obj, std::span<const std::string_view> known) {
    const auto* v = at(obj);
    if (!v || !v->is_object()) return true;
    bool clean = true;
    for (auto it = v->begin(); it != v->end(); ++it) {
        const std::string& key = it.key();
        if (std::find(known.begin(), known.end(), std::string_view(key)) != known.end()) continue;
        std::string msg = "unknown key \"" + key + "\"";
        if (const auto near = nearestName(key, known); !near.empty())
            msg += "; did you mean \"" + near + "\"?";
        else {
            msg += " (known: ";
            for (std::size_t i = 0; i < known.size(); ++i)
                msg += (i ? ", " : "") + std::string(known[i]);
            msg += ")";
        }
        error(pointerChild(obj, key), std::move(msg));
        clean = false;
    }
    return clean;
}

void FieldReader::error(const std::string& pointer, std::string message) {
    out_.push_back(doc_.diag(pointer, std::move(message)));
    ++errors_;
}

const nlohmann::json* FieldReader::at(const std::string& pointer) const {
    try {
        const auto ptr = nlohmann::json::json_pointer(pointer);
        return doc_.value.contains(ptr) ? &doc_.value.at(ptr) : nullptr;
    } catch (const nlohmann::json::exception&) {
        return nullptr;
    }
}

const nlohmann::json* FieldReader::field(const std::string& obj, const char* key, bool required) {
    const auto* parent = at(obj);
    if (!parent || !parent->is_object()) return nullptr;
    const auto it = parent->find(key);
    if (it == parent->end()) {
        if (required) error(obj, std::string("missing required field \"") + key + "\"");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> FieldReader::string(const std::string& obj, const char* key,
                                               bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error(pointerChild(obj, key), "must be a string");
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<double> FieldReader::number(const std::string& obj, const char* key, bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        error(pointerChild(obj, key), "must be a number");
        return std::nullopt;
    }
    return v->get<double>();
}

std::optional<std::int64_t> FieldReader::integer(const std::string& obj, const char* key,
                                                 bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        error(pointerChild(obj, key), "must be a whole number");
        return std::nullopt;
    }
    if (v->is_number_unsigned() &&
        v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
        error(pointerChild(obj, key), "is too large");
        return std::nullopt;
    }
    return v->get<std::int64_t>();
}

std::optional<bool> FieldReader::boolean(const std::string& obj, const char* key, bool required) {
    const auto* v = field(obj, key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        error(pointerChild(obj, key), "must be true or false");
        return std::nullopt;
    }
    return v->get<bool>();
}

bool FieldReader::isObject(const std::string& pointer) {
    const auto* v = at(pointer);
    if (v && v->is_object()) return true;
    error(pointer, v ? "must be an object" : "missing");
    return false;
}

bool FieldReader::isArray(const std::string& pointer) {
    const auto* v = at(pointer);
    if (v && v->is_array()) return true;
    error(pointer, v ? "must be an array" : "missing");
    return false;
}

}  // namespace drillbase
