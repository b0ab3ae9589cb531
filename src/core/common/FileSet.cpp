// SPDX-License-Identifier: Apache-2.0
#include "core/common/FileSet.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "core/common/AtomicFile.hpp"
#include "core/common/Error.hpp"
#include "core/common/Platform.hpp"
#include "core/common/Text.hpp"

namespace par {


void writeFilesTogether(const std::vector<OutputFile>& files) {
    std::set<std::string> seen;
    for (const auto& f : files) {
        if (!seen.insert(f.path).second)
            throw UsageError(fmt(tr("{}: hai tệp kết quả trùng tên; không ghi tệp nào",
                                    "{}: two output files have the same name; nothing written"),
                                 f.path));
        struct stat st {};
        if (::stat(f.path.c_str(), &st) == 0 &&
            ((st.st_mode & 0222) == 0 || ::access(f.path.c_str(), W_OK) != 0))
            throw UsageError(fmt(tr("{}: tệp chỉ cho phép đọc, không được ghi đè; không ghi tệp nào",
                                    "{}: the file is read-only; nothing written"),
                                 f.path));
    }
    std::vector<std::string> temporaries;
    auto discard = [&]() {
        for (const auto& t : temporaries)
            ::unlink(t.c_str());
    };
    for (const auto& f : files) {
        TemporaryFile t;
        try {
            t = createTemporary(f.path, 0666);
        } catch (...) {
            discard();
            throw;
        }
        temporaries.push_back(t.path);
        bool ok = writeAll(t.fd, f.content) && ::fsync(t.fd) == 0;
        int err = errno;
        ok = (::close(t.fd) == 0) && ok;
        if (!ok) {
            discard();
            throw IoError(fmt(tr("{}: không ghi được ({}); không tệp nào được ghi, thư mục vẫn như cũ",
                                 "{}: could not write ({}); no file was written, the folder is as it was"),
                              f.path, std::strerror(err)));
        }
    }
    std::string replaced;
    for (size_t i = 0; i < files.size(); ++i) {
        if (!platform::replaceFile(temporaries[i], files[i].path)) {
            int err = errno;
            for (size_t j = i; j < temporaries.size(); ++j)
                ::unlink(temporaries[j].c_str());
            throw IoError(fmt(tr("{}: không đổi tên được ({}); đã ghi trước đó: {}",
                                 "{}: could not rename ({}); already written: {}"),
                              files[i].path, std::strerror(err), replaced.empty() ? "—" : replaced));
        }
        replaced += (replaced.empty() ? "" : ", ") + files[i].path;
    }
}

}  // namespace par
