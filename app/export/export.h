#pragma once
// Figure export to PNG (cairo image surface), SVG and PDF (cairo vector surfaces). Files are
// rendered in memory and written atomically: an existing file is replaced only on success.
#include <filesystem>
#include <string>

#include "app/export/figure.h"

namespace ll::exporter {

enum class Format { Png, Svg, Pdf };

// From the file extension (case-insensitive .png, .svg, .pdf); false for anything else.
bool format_from_path(const std::filesystem::path& path, Format& out);
const char* to_string(Format f);

// Limits: figure sides in [16, 16384] units; PNG at most 16384 pixels a side, 2^28 in all.
// Returns an empty string when the options are fine, otherwise what is wrong.
std::string check_size(const FigureOptions& opt, Format format);

// The encoded file. Throws std::invalid_argument (bad options) or std::runtime_error (cairo).
// With a control: progress in [0, 1] and JobCancelled once Cancel is asked (see draw_figure).
std::string render_figure(const FigureData& data, const FigureOptions& opt, Format format,
                          JobControl* control = nullptr);

// Renders and writes atomically. Throws like render_figure, or std::runtime_error("PATH: ...").
void export_figure(const std::filesystem::path& path, const FigureData& data,
                   const FigureOptions& opt);

// Pixel size of a PNG export: round(width * scale) x round(height * scale).
int raster_width(const FigureOptions& opt);
int raster_height(const FigureOptions& opt);

}  // namespace ll::exporter
