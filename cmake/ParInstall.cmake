# SPDX-License-Identifier: Apache-2.0
# ParInstall.cmake - what `cmake --install` puts where (GNUInstallDirs), the desktop integration,
# the man pages generated from the commands' help, and the Debian package (CPack DEB).
# The installed tree is relocatable: the executables find share/par-audit and share/locale relative
# to themselves (src/core/common/DataPaths.cpp, src/gui/Localization.cpp).

install(TARGETS par-audit RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY forms calendars templates reference bands samples
        DESTINATION ${CMAKE_INSTALL_DATADIR}/par-audit)
install(FILES LICENSE README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

if(WIN32)
    # Windows has no fonts-liberation2: the documents' font travels with the program
    # (share/par-audit/fonts, looked up by src/pdf/Fonts.cpp after the system's Times New Roman).
    set(PAR_WINDOWS_FONT_DIR "" CACHE PATH "Liberation Serif .ttf files to bundle (fonts-liberation2)")
    if(PAR_WINDOWS_FONT_DIR)
        install(DIRECTORY ${PAR_WINDOWS_FONT_DIR}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/par-audit/fonts
                FILES_MATCHING PATTERN "LiberationSerif-*.ttf")
    endif()
    return()
endif()

# Desktop integration (Linux), with the app.
configure_file(packaging/vn.gov.par_audit.metainfo.xml
               ${CMAKE_BINARY_DIR}/packaging/vn.gov.par_audit.metainfo.xml @ONLY)
if(TARGET par-audit-gui)
    install(FILES packaging/vn.gov.par_audit.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES ${CMAKE_BINARY_DIR}/packaging/vn.gov.par_audit.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES packaging/par-audit.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    install(FILES packaging/par-audit-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
            RENAME par-audit.xml)
endif()

# Man pages from the program's own help (scripts/make-man.sh): English in man1, Vietnamese in vi/man1.
set(PAR_MAN_PAGES "")
foreach(lang en vi)
    set(page ${CMAKE_BINARY_DIR}/man/${lang}/par-audit.1)
    add_custom_command(OUTPUT ${page}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man/${lang}
        COMMAND ${CMAKE_SOURCE_DIR}/scripts/make-man.sh $<TARGET_FILE:par-audit> ${page} ${lang}
                ${PROJECT_VERSION}
        DEPENDS par-audit ${CMAKE_SOURCE_DIR}/scripts/make-man.sh
        COMMENT "man page par-audit.1 (${lang})")
    list(APPEND PAR_MAN_PAGES ${page})
endforeach()
add_custom_target(par_man ALL DEPENDS ${PAR_MAN_PAGES})
install(FILES ${CMAKE_BINARY_DIR}/man/en/par-audit.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_BINARY_DIR}/man/vi/par-audit.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/vi/man1)

# The Debian package: par-audit_<version>_amd64.deb. Depends computed by dpkg-shlibdeps from the
# binaries (the libraries they link), plus the documents' font.
set(CPACK_PACKAGE_NAME par-audit)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "par-audit")
set(CPACK_PACKAGE_CONTACT "par-audit maintainers <par-audit@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "inspection of public administration reform (CCHC) for Vietnam's Departments of Home Affairs")
set(CPACK_PACKAGE_DESCRIPTION
    "Checklist forms, audit files, findings derived from the answers and from one-stop dossier logs,\n\
the conclusion notice in the Decree 30/2020 format, and remediation tracking in Vietnamese working\n\
days. Command line (par-audit) and desktop app (par-audit-gui).")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-liberation2")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "wx3.2-i18n")
set(CPACK_STRIP_FILES ON)
include(CPack)
