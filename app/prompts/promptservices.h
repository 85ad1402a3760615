#pragma once

class PromptSuggestions;
class RecentPrompts;
class StyleCatalogue;
class StyleThumbnails;

// What a prompt field reuses: past prompts (suggestions as one types, Recent prompts) and the
// style catalogue with its pictures. A null member turns its feature off.
struct PromptServices
{
    PromptSuggestions *suggestions = nullptr;
    RecentPrompts *recentPrompts = nullptr;
    StyleCatalogue *styles = nullptr;
    StyleThumbnails *styleThumbnails = nullptr;
};
