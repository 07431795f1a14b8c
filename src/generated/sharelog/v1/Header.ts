// Original file: sharelog/v1/common.proto


/**
 * One record header: an application-defined key/value pair. Headers keep their order; keys need not be unique.
 */
export interface Header {
  /**
   * Header name. Any UTF-8 string, may be empty.
   */
  'key'?: (string);
  /**
   * Header value. Any bytes, may be empty.
   */
  'value'?: (Buffer | Uint8Array | string);
}

/**
 * One record header: an application-defined key/value pair. Headers keep their order; keys need not be unique.
 */
export interface Header__Output {
  /**
   * Header name. Any UTF-8 string, may be empty.
   */
  'key': (string);
  /**
   * Header value. Any bytes, may be empty.
   */
  'value': (Buffer);
}
