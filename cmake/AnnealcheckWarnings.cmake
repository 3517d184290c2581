# Warnings as an option on project targets only (never on third-party headers).
option(ANNEALCHECK_WERROR "Treat warnings as errors in project code" ON)
function(annealcheck_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-psabi)
  if(ANNEALCHECK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
