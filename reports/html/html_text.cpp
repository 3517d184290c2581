#include "reports/html/html_text.hpp"

namespace annealcheck::report::html {

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:  // control characters other than tab and newline: not allowed in XML 1.0, errors in HTML
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string element(std::string_view tag, std::string_view text, std::string_view cls) {
  std::string open(tag);
  if (!cls.empty()) open += " class=\"" + escape(cls) + "\"";
  return "<" + open + ">" + escape(text) + "</" + std::string(tag) + ">";
}

std::string field_row(std::string_view head, std::string_view value) {
  return "<tr>" + element("th", head) + element("td", value) + "</tr>\n";
}

}  // namespace annealcheck::report::html
