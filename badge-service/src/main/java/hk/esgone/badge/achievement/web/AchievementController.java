package hk.esgone.badge.achievement.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import hk.esgone.badge.achievement.AchievementService;
import hk.esgone.badge.config.BadgeProperties;
import hk.esgone.badge.credential.CredentialFormat;
import hk.esgone.platform.paging.CursorCodec;
import hk.esgone.platform.paging.Page;
import hk.esgone.platform.paging.PageLimit;
import reactor.core.publisher.Mono;

/** Admins define badge types; anyone can read a badge type (it is what a credential's achievement id points to). */
@RestController
class AchievementController {

    record ArchiveRequest(boolean archived) {
    }

    private final AchievementService achievements;
    private final BadgeProperties properties;
    private final CursorCodec cursors;

    AchievementController(AchievementService achievements, BadgeProperties properties, CursorCodec cursors) {
        this.achievements = achievements;
        this.properties = properties;
        this.cursors = cursors;
    }

    @PostMapping("/api/v1/badges/admin/achievements")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AchievementView> create(@Validated @RequestBody AchievementRequest request) {
        return achievements.create(request.toDefinition()).map(AchievementView::of);
    }

    @PutMapping("/api/v1/badges/admin/achievements/{id}")
    Mono<AchievementView> update(@PathVariable String id, @Validated @RequestBody AchievementRequest request) {
        return achievements.update(id, request.toDefinition()).map(AchievementView::of);
    }

    @PostMapping("/api/v1/badges/admin/achievements/{id}/archive")
    Mono<AchievementView> archive(@PathVariable String id, @RequestBody ArchiveRequest request) {
        return achievements.archive(id, request.archived()).map(AchievementView::of);
    }

    @GetMapping("/api/v1/badges/admin/achievements/{id}")
    Mono<AchievementView> get(@PathVariable String id) {
        return achievements.find(id).map(AchievementView::of);
    }

    @GetMapping("/api/v1/badges/admin/achievements")
    Mono<Page<AchievementView>> list(@RequestParam(required = false) String cursor,
                                     @RequestParam(defaultValue = "50") int limit,
                                     @RequestParam(defaultValue = "true") boolean includeArchived) {
        int size = PageLimit.of(limit);
        String query = "admin-achievements?includeArchived=" + includeArchived;
        String after = cursor == null ? null : cursors.decode(cursor, query);
        return achievements.list(after, size, includeArchived).map(AchievementView::of).collectList()
                .map(items -> Page.of(items, size, last -> cursors.encode(query, last.id())));
    }

    /** Public: the Open Badges Achievement (in English) with the bilingual texts alongside. */
    @GetMapping("/api/v1/badges/achievements/{id}")
    Mono<ResponseEntity<Map<String, Object>>> publicAchievement(@PathVariable String id) {
        return achievements.find(id)
                .map(a -> {
                    Map<String, Object> body = CredentialFormat.achievementJson(a, properties);
                    body.put("@context", List.of(CredentialFormat.VC_V2_CONTEXT, CredentialFormat.OB_V3_CONTEXT));
                    body.put("bilingual", AchievementView.of(a));
                    return ResponseEntity.ok()
                            .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                            .body(body);
                });
    }
}
