// DossierLog.cpp - format detection.
#include "core/dossier/DossierLog.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/common/Error.hpp"
#include "core/common/Text.hpp"
#include "core/dossier/CsvReader.hpp"
#include "core/dossier/XlsxReader.hpp"

namespace par::dossier {

LogFormat detectLogFormat(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr)
        throw IoError(
            fmt(tr("không mở được tệp {}: {}", "cannot open {}: {}"), path, std::strerror(errno)));
    char magic[4] = {0, 0, 0, 0};
    const size_t n = std::fread(magic, 1, 4, f);
    std::fclose(f);
    return n == 4 && std::memcmp(magic, "PK\x03\x04", 4) == 0 ? LogFormat::Xlsx : LogFormat::Csv;
}

std::unique_ptr<RowSource> openDossierLog(const std::string& path, const std::string& sheet) {
    if (detectLogFormat(path) == LogFormat::Xlsx)
        return std::make_unique<XlsxReader>(path, sheet);
    return std::make_unique<CsvReader>(path);
}

}  // namespace par::dossier
