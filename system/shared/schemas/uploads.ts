import { z } from 'zod'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
export const UploadImageResponse = z.object({
  message: z.string(),
  file_path: z.string().regex(/^\/uploads\/user_\d+\/[0-9a-f-]{36}\.(jpg|png|webp)$/),
  filename: z.string(),
})
export type UploadImageResponse = z.infer<typeof UploadImageResponse>
