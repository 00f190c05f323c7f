// Message templates of the big-picture perspective. Every placeholder is filled from what was found.
import type { MessageTemplate } from '../types.js'

export type BigPictureMessageId = 'hotspot'

export const MESSAGES: Record<BigPictureMessageId, MessageTemplate> = {
  hotspot: {
    title: '{{file}} is flagged by {{count}} perspectives',
    message:
      '{{findings}} from {{perspectives}} point at {{file}}; the most severe is "{{top}}" ({{topPerspective}}, line {{line}}). Tests written here pay off several times.'
  }
}
