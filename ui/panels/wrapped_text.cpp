#include "ui/panels/wrapped_text.h"

#include "common/utf8.h"

namespace drillbase::ui {

namespace {

bool isCjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x3000 && c <= 0x303F);
}

// Characters that must not start a line.
bool noBreakBefore(char32_t c) {
    static constexpr std::u32string_view kClosing = U"，。、；：？！）》」』】〉%,.;:?!)]}";
    return kClosing.find(c) != std::u32string_view::npos;
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> wrapLines(std::string_view text, float width) {
    std::vector<std::string> lines;
    const auto decoded = decodeUtf8(text);
    if (!decoded) return {std::string(text)};
    const std::u32string& s = *decoded;
    ImFont* font = ImGui::GetFont();
    const float scale = ImGui::GetFontSize() / font->FontSize;
    std::size_t lineStart = 0, lastBreak = std::u32string::npos;
    float lineW = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        if (c == U'\n') {
            lines.push_back(encode(s.substr(lineStart, i - lineStart)));
            lineStart = i + 1;
            lastBreak = std::u32string::npos;
            lineW = 0;
            continue;
        }
        const float w = font->GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : U'?')) * scale;
        // A break is allowed before a CJK character or after a space, unless `c` must not
        // start a line.
        if (i > lineStart && !noBreakBefore(c) && (isCjk(c) || isCjk(s[i - 1]) || s[i - 1] == U' '))
            lastBreak = i;
        if (lineW + w > width && i > lineStart) {
            const std::size_t cut =
                lastBreak != std::u32string::npos && lastBreak > lineStart ? lastBreak : i;
            std::u32string line = s.substr(lineStart, cut - lineStart);
            while (!line.empty() && line.back() == U' ') line.pop_back();
            lines.push_back(encode(line));
            lineStart = cut;
            while (lineStart < s.size() && s[lineStart] == U' ') ++lineStart;
            lastBreak = std::u32string::npos;
            lineW = 0;
            for (std::size_t k = lineStart; k <= i && k < s.size(); ++k)
                lineW += font->GetCharAdvance(static_cast<ImWchar>(s[k] <= 0xFFFF ? s[k] : U'?')) *
                         scale;
            continue;
        }
        lineW += w;
    }
    if (lineStart < s.size()) lines.push_back(encode(s.substr(lineStart)));
    return lines;
}

void textWrapped(std::string_view text) {
    for (const auto& line : wrapLines(text, ImGui::GetContentRegionAvail().x))
        ImGui::TextUnformatted(line.c_str());
}

void textWrappedDisabled(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    textWrapped(text);
    ImGui::PopStyleColor();
}

}  // namespace drillbase::ui
