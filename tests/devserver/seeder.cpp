// Store's deterministic history seeding: the same user and index always give the same record.
#include "devserver/store.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace devserver {

namespace {

quint64 mix(quint64 x)
{
    // splitmix64: cheap, well-distributed, deterministic.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

const char *const subjects[] = {"a red fox",        "an old castle",     "a lighthouse",
                                "a cat astronaut",  "a small dragon",    "a bowl of ramen",
                                "a vintage car",    "a snowy mountain",  "a koi pond",
                                "a robot gardener", "a wooden sailboat", "a city skyline",
                                "a hummingbird",    "a desert caravan",  "a tea house"};
const char *const settings[] = {"in a misty forest",         "at sunset",   "on the moon",
                                "under the northern lights", "in the rain", "on a quiet beach",
                                "in a neon-lit alley",       "at dawn",     "in autumn leaves",
                                "inside a glass dome"};
const char *const styles[] = {
    "watercolor",          "oil painting",  "pixel art",     "cinematic photo", "studio lighting",
    "isometric 3D render", "pencil sketch", "ukiyo-e print", "low-poly",        "35mm film"};
const char16_t *const persianPrompts[] = {u"روباه قرمز در جنگل مه‌آلود",
                                          u"قلعه قدیمی در غروب آفتاب",
                                          u"فانوس دریایی زیر باران",
                                          u"گربه فضانورد روی ماه",
                                          u"باغ ایرانی با حوض فیروزه‌ای",
                                          u"بازار قدیمی تبریز، نقاشی آبرنگ",
                                          u"کوه دماوند پوشیده از برف",
                                          u"فنجان چای و شیرینی، عکس سینمایی"};
const char *const aspects[] = {"1:1", "1:1", "1:1", "16:9", "9:16", "4:3",
                               "3:4", "2:3", "3:2", "4:5",  "5:4",  "21:9"};
const char *const failures[] = {"Content policy violation: the prompt was refused by the model",
                                "Generation failed: upstream model returned no image",
                                "Internal error: upstream quota exceeded"};

template<typename T, std::size_t N>
constexpr std::size_t countOf(T (&)[N])
{
    return N;
}

quint64 userKey(const QString &userId)
{
    const auto hash = QCryptographicHash::hash(userId.toUtf8(), QCryptographicHash::Sha1);
    quint64 key = 0;
    for (int i = 0; i < 8; ++i)
        key = (key << 8) | static_cast<quint8>(hash.at(i));
    return key;
}

QString englishPrompt(quint64 r)
{
    return QLatin1StringView(subjects[r % countOf(subjects)]) + u' '
           + QLatin1StringView(settings[(r >> 8) % countOf(settings)]) + u", "_s
           + QLatin1StringView(styles[(r >> 16) % countOf(styles)]);
}

} // namespace

ImageRecord Store::seededRecord(const UserRecord &user, int index, int count, qint64 baseMs)
{
    const auto key = userKey(user.id);
    const auto r = mix(key ^ (static_cast<quint64>(index) * 0x100000001b3ULL));
    const auto r2 = mix(r);
    ImageRecord rec;
    rec.userId = user.id;
    rec.seeded = true;

    // Spread over the two years before the base time, oldest first.
    constexpr qint64 span = 730LL * 24 * 3600 * 1000;
    const qint64 step = qMax<qint64>(1, span / qMax(1, count));
    rec.createdMs =
        baseMs - span + step * index + static_cast<qint64>(r2 % static_cast<quint64>(step));
    // A MongoDB ObjectId, as newObjectId() makes for live records: the creation second, then
    // (deterministic) randomness. So ids sort roughly by time, as the real backend's do.
    rec.id = u"%1%2"_s.arg(static_cast<quint32>(rec.createdMs / 1000), 8, 16, QChar(u'0'))
                 .arg(r2, 16, 16, QChar(u'0'));

    // A few prompts repeat an earlier one, as people do.
    const auto promptIndex = (index % 40 == 39) ? index - 3 : index;
    const auto pr = promptIndex == index
                        ? r
                        : mix(key ^ (static_cast<quint64>(promptIndex) * 0x100000001b3ULL));
    rec.prompt = (pr >> 40) % 7 == 0
                     ? QString::fromUtf16(persianPrompts[(pr >> 24) % countOf(persianPrompts)])
                     : englishPrompt(pr);

    const auto typeRoll = (r >> 24) % 100;
    rec.type = typeRoll < 70   ? u"TEXTTOIAMGE"_s
               : typeRoll < 95 ? u"IMAGETOIAMGE"_s
               : typeRoll < 98 ? u"THUMBNAIL"_s
                               : u"PRODUCT"_s;
    const auto statusRoll = (r2 >> 8) % 100;
    rec.status = statusRoll < 8 ? u"failed"_s : statusRoll < 10 ? u"pending"_s : u"completed"_s;
    rec.aspectRatio = QLatin1StringView(aspects[(r2 >> 16) % countOf(aspects)]);
    rec.resolution = (r2 >> 24) % 50 == 0 ? u"2K"_s : u"1K"_s;
    if ((r2 >> 32) % 2 == 0)
        rec.taskId = u"task_%1_%2"_s.arg(rec.createdMs).arg(r2 % 100000, 5, 10, QChar(u'0'));
    const auto stem = u"%1-%2"_s.arg(rec.createdMs).arg(r % 1000000000, 9, 10, QChar(u'0'));
    if (rec.status != "pending"_L1)
        rec.completedMs = rec.createdMs + 8000 + static_cast<qint64>(r % 50000);
    if (rec.status == "completed"_L1) {
        rec.imageUrl = u"/uploads/nero/generated/"_s + stem + u".png"_s;
        if ((r >> 48) % 100 == 0)
            rec.originImageUrl = u"/uploads/nero/generated/"_s + stem + u"-origin.png"_s;
    } else if (rec.status == "failed"_L1) {
        rec.error = QLatin1StringView(failures[(r >> 52) % countOf(failures)]);
    }
    if (rec.type == "IMAGETOIAMGE"_L1) {
        rec.referenceImageUrls.append(u"/uploads/nero/references/"_s + stem + u"-ref.png"_s);
        // Some references come back absolute, as on the deployed server.
        if ((r >> 56) % 3 == 0 && !m_origin.isEmpty())
            rec.referenceImageUrls.append(m_origin + u"/uploads/nero/references/"_s + stem
                                          + u"-ref2.png"_s);
    }
    if ((r >> 44) % 33 == 0)
        rec.characterIds.append(u"%1"_s.arg(mix(key) & 0xffffffffffffULL, 24, 16, QChar(u'0')));
    return rec;
}

void Store::seedUser(UserRecord &user)
{
    auto &list = m_images[user.id];
    list.reserve(list.size() + static_cast<std::size_t>(user.seededCount));
    for (int i = 0; i < user.seededCount; ++i) {
        auto rec = seededRecord(user, i, user.seededCount, user.seedBaseMs);
        const RenderSpec spec{rec.prompt, rec.aspectRatio, rec.resolution};
        if (!rec.imageUrl.isEmpty())
            m_renders.insert(rec.imageUrl, spec);
        if (!rec.originImageUrl.isEmpty())
            m_renders.insert(rec.originImageUrl, spec);
        for (const auto &ref : std::as_const(rec.referenceImageUrls)) {
            const auto at = ref.indexOf("/uploads/"_L1);
            m_renders.insert(ref.mid(at), RenderSpec{u"reference"_s, rec.aspectRatio, u"1K"_s});
        }
        list.push_back(std::move(rec));
    }
}

void Store::addDriftImages(const QString &userId, int count, qint64 nowMs)
{
    auto *user = userById(userId);
    if (!user)
        return;
    for (int i = 0; i < count; ++i) {
        // Indices past the seeded range give fresh deterministic content.
        auto rec = seededRecord(*user, user->seededCount + 1000000 + static_cast<int>(m_counter++),
                                1, nowMs);
        rec.createdMs = nowMs - count + i + 1;
        rec.id = newObjectId();
        rec.seeded = false;
        insertImage(rec);
    }
}

} // namespace devserver
