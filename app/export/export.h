#pragma once
// Figure export to PNG (cairo image surface), SVG and PDF (cairo vector surfaces). Files are
// rendered in memory and written atomically: an existing file is replaced only on success.
#include <filesystem>
#include <functional>
#include <string>

#include "app/export/draw.h"
#include "app/export/figure.h"

namespace ll::exporter {

enum class Format { Png, Svg, Pdf };

// From the file extension (case-insensitive .png, .svg, .pdf); false for anything else.
bool format_from_path(const std::filesystem::path& path, Format& out);
const char* to_string(Format f);

// Limits: figure sides in [16, 16384] units; PNG at most 16384 pixels a side, 2^28 in all.
// Returns an empty string when the options are fine, otherwise what is wrong.
std::string check_size(const FigureOptions& opt, Format format);

// The one surface and encoding path of every export (the classifier's figures, the landscape,
// the race, the template tiles): `draw` paints a width x height figure in figure units on a
// context already scaled to the surface (PNG: `scale` pixels per unit; SVG and PDF: 1) with
// unhinted text. Sizes are checked as check_size does (std::invalid_argument); cairo failures
// throw std::runtime_error. `title` is the PDF's title.
using Drawing = std::function<void(cairo_t*)>;
std::string render_drawing(double width, double height, double scale, Format format,
                           const Drawing& draw, const char* title = "LossLab figure");
// The image render_drawing's PNG encodes, before encoding: a new ARGB32 surface of
// round(width * scale) x round(height * scale) pixels (animation frames of any figure).
SurfacePtr render_drawing_image(double width, double height, double scale, const Drawing& draw);

// The encoded file. Throws std::invalid_argument (bad options) or std::runtime_error (cairo).
// With a control: progress in [0, 1] and JobCancelled once Cancel is asked (see draw_figure).
std::string render_figure(const FigureData& data, const FigureOptions& opt, Format format,
                          JobControl* control = nullptr);

// The image a PNG export encodes: a new ARGB32 surface of raster_width x raster_height pixels
// (animation frames are these). Throws like render_figure.
SurfacePtr render_image(const FigureData& data, const FigureOptions& opt,
                        JobControl* control = nullptr);

// Renders and writes atomically. Throws like render_figure, or std::runtime_error("PATH: ...").
void export_figure(const std::filesystem::path& path, const FigureData& data,
                   const FigureOptions& opt);

// Pixel size of a PNG export: round(width * scale) x round(height * scale).
int raster_width(const FigureOptions& opt);
int raster_height(const FigureOptions& opt);

// SVG and PDF embed confidence/score shading as an image at this resolution (pixels per inch;
// a figure unit is a point, 1/72 inch), or at the PNG scale when that is finer, unless
// shading_pixels_* ask for a size; at most kMaxVectorShadingPixels pixels in all.
inline constexpr double kVectorShadingPpi = 300.0;
inline constexpr double kMaxVectorShadingPixels = 1 << 24;
// The shading image size a vector export of these options embeds.
void vector_shading_pixels(const FigureOptions& opt, int& px, int& py);

// --- exports from the window (the classifier's Export window, the loss lab's panels) --------
// Both run off the UI thread through start_export_job and write through export_to_file.

struct ExportResult {
  bool ok = false;
  bool cancelled = false;          // Cancel was asked: nothing was written
  std::filesystem::path path;      // the file written
  int pixels_w = 0, pixels_h = 0;  // PNG size (SVG/PDF: document size in units)
  double seconds = 0.0;            // render + encode + write
  std::string message;             // "Saved 1200 x 1000 PNG to ..." or what went wrong
};

// $XDG_PICTURES_DIR if it is a folder, else the Pictures folder of xdg-user-dirs
// ($XDG_CONFIG_HOME or ~/.config)/user-dirs.dirs, else ~/Pictures, else the current folder.
std::filesystem::path default_export_folder();
// The first "losslab-NNN.EXT" (NNN from 001) that does not exist in `folder`.
std::filesystem::path next_export_name(const std::filesystem::path& folder, const char* ext);

// Where export_to_file writes: `path` (replaced atomically, only once the file is complete), or,
// with path empty, the next free losslab-NNN.EXT in `folder`, never replacing a file.
struct ExportDestination {
  std::filesystem::path path;
  std::filesystem::path folder;
};

// Renders and writes; never throws. With a control: progress, and Cancel ends it with
// `cancelled` set and no file left behind.
ExportResult export_to_file(const FigureData& data, const FigureOptions& opt, Format format,
                            const ExportDestination& target, JobControl* control = nullptr);

// A background export of one rendered file: `render()` makes the bytes, then (unless Cancel was
// asked meanwhile) they are written atomically to `path`. The result is timed and says "Saved
// <what> to <path>"; what `render` or the write throws propagates (start_export_job turns it
// into the result).
ExportResult write_rendered(const std::filesystem::path& path, const std::string& what,
                            JobControl& control, const std::function<std::string()>& render);

// Runs `work` on a Job; `wake` (may be empty; must be thread-safe, e.g. glfwPostEmptyEvent)
// is called a few times a second while it runs, for the progress bar of an idle window, and
// once at the end, for the result. Cancel (JobCancelled) gives a cancelled result ("Cancelled:
// nothing written"), any other exception a failed one with its message.
Job<ExportResult> start_export_job(std::string label, std::function<ExportResult(JobControl&)> work,
                                   std::function<void()> wake);

}  // namespace ll::exporter
