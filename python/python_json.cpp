#include "python/python_json.hpp"

#include "annealcheck/io/input_error.hpp"

#include <pybind11/numpy.h>

namespace py = pybind11;

namespace annealcheck::python {

py::object to_python(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null: return py::none();
    case nlohmann::json::value_t::boolean: return py::bool_(j.get<bool>());
    case nlohmann::json::value_t::number_integer: return py::int_(j.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return py::int_(j.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: return py::float_(j.get<double>());
    case nlohmann::json::value_t::string: return py::str(j.get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      py::list l;
      for (const auto& e : j) l.append(to_python(e));
      return l;
    }
    case nlohmann::json::value_t::object: {
      py::dict d;
      for (auto it = j.begin(); it != j.end(); ++it) d[py::str(it.key())] = to_python(it.value());
      return d;
    }
    default: return py::none();  // binary and discarded values are never produced by the library
  }
}

nlohmann::json from_python(py::handle h, const std::string& where) {
  if (h.is_none()) return nullptr;
  if (py::isinstance<py::bool_>(h)) return h.cast<bool>();
  if (py::isinstance<py::int_>(h)) {  // exact, whatever its size: a JSON integer when it fits, else its digits
    try {
      return h.cast<std::int64_t>();
    } catch (const py::cast_error&) {
      return py::str(h).cast<std::string>();
    }
  }
  if (py::isinstance<py::str>(h)) return h.cast<std::string>();
  if (py::isinstance<py::float_>(h)) return py::repr(h).cast<std::string>();  // shortest text that reads back to the same double
  if (py::isinstance<py::dict>(h)) {
    nlohmann::json o = nlohmann::json::object();
    for (auto [k, v] : py::reinterpret_borrow<py::dict>(h)) {
      const std::string key = py::str(k).cast<std::string>();
      o[key] = from_python(v, where.empty() ? key : where + "." + key);
    }
    return o;
  }
  if (py::isinstance<py::list>(h) || py::isinstance<py::tuple>(h) || py::isinstance<py::array>(h)) {
    nlohmann::json a = nlohmann::json::array();
    std::size_t i = 0;
    for (py::handle e : py::reinterpret_borrow<py::iterable>(h)) a.push_back(from_python(e, where + "[" + std::to_string(i++) + "]"));
    return a;
  }
  const py::module_ numbers = py::module_::import("numbers");
  if (py::isinstance(h, numbers.attr("Number"))) {
    // fractions.Fraction prints "2/3", decimal.Decimal its exact digits, numpy
    // scalars their shortest round-trip text: all read exactly by the instance parser.
    const py::module_ np = py::module_::import("numpy");
    const py::object o = py::reinterpret_borrow<py::object>(h);
    if (py::isinstance(h, np.attr("floating"))) return py::repr(py::float_(o)).cast<std::string>();
    if (py::isinstance(h, np.attr("integer"))) return py::str(py::int_(o)).cast<std::string>();
    return py::str(h).cast<std::string>();
  }
  throw InputError(where, quote(py::repr(h).cast<std::string>()), "a number (int, float, Fraction, Decimal, numpy scalar or string), a list or a dict");
}

}  // namespace annealcheck::python
