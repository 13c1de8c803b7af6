import type { MediaLinks } from '../../core/learning/ports'

/**
 * 学习's media on a laptop: a media-folder path (`courses/c-pos-unstable.mp4`) is served by the local host
 * from `DATA_DIR/media/` at `/media/<path>` (same origin as the H5 app). A cloud file id has no URL here.
 */
export const localMediaLinks = (): MediaLinks => ({
  urls: async (refs) =>
    new Map(refs.map((ref) => [ref, ref.startsWith('cloud://') ? null : `/media/${ref.split('/').map(encodeURIComponent).join('/')}`])),
})
