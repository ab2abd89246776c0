import type { VideoResponse } from '../../../shared/schemas/videos.ts'

/**
 * The browser console lines of the guide, word for word with their emoji, plus `❌` lines on failure.
 * Tests read them, so the wording is a contract.
 */
export const guideLog = {
  generating: (args: { prompt: string; model: string; imageUrl: string }) =>
    console.log('🎬 Generating video with:', args),
  created: (video: VideoResponse) => console.log('✅ Video generation task created:', video),
  status: (video: VideoResponse) => console.log(`📊 Video status: ${video.status}`),
  completed: () => console.log('🎉 Video generation completed!'),
  createFailed: (detail: string) => console.error(`❌ Failed to create video: ${detail}`),
  generationFailed: (message: string) => console.error(`❌ Video generation failed: ${message}`),
  watchFailed: (detail: string) => console.error(`❌ Could not follow the video: ${detail}`),
  fallback: (reason: string) => console.warn(`⚠️ Live updates unavailable (${reason}): polling every 5 s`),
}
