"""Cross-cutting helpers without models: htmx, exports, svg charts, privacy checks, sections."""
