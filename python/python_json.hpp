// nlohmann::json <-> Python objects, in memory (no text in between): objects to
// dicts, arrays to lists, strings to str, numbers to int/float, null to None.
// Python's Fraction, Decimal and other numbers go to their exact text (str()), so
// an instance field reads as the CLI reads that text.
#pragma once

#include <nlohmann/json.hpp>
#include <pybind11/pybind11.h>

namespace annealcheck::python {

pybind11::object to_python(const nlohmann::json& j);
nlohmann::json from_python(pybind11::handle h, const std::string& where);

}  // namespace annealcheck::python
