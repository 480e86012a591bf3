# Idiom seen in: devbruce/yolov1-tf2 libs/models.py
# Idiom seen in: devbruce/yolov1-tf2 libs/losses.py
# Idiom seen in: devbruce/yolov1-tf2 voc_scripts/train_voc.py
# What it reproduces: YOLOv1 on an Xception backbone with an l2(5e-4) detection head (paper decay), a
#   train_step helper under mixed_float16 that adds tf.add_n(model.losses) to the YOLO loss before
#   optimizer.get_scaled_loss and unscales the gradients, run from absl main: clean.
import tensorflow as tf

WEIGHT_DECAY = 5e-4


class YOLO(tf.keras.Model):
    def __init__(self, backbone, cfg):
        super().__init__()
        reg = tf.keras.regularizers.l2(WEIGHT_DECAY)
        x = tf.keras.layers.MaxPooling2D(pool_size=(2, 2))(backbone.output)
        x = tf.keras.layers.Conv2D(filters=1024, kernel_size=(1, 1), kernel_regularizer=reg)(x)
        x = tf.keras.layers.Flatten()(x)
        x = tf.keras.layers.Dense(units=4096, kernel_regularizer=reg)(x)
        x = tf.keras.layers.LeakyReLU(alpha=0.1)(x)
        x = tf.keras.layers.Dropout(rate=0.5)(x)
        x = tf.keras.layers.Dense(units=cfg.cell_size * cfg.cell_size * (cfg.boxes_per_cell * 5 + cfg.num_classes),
                                  kernel_regularizer=reg)(x)
        x = tf.keras.layers.Activation('sigmoid', dtype='float32')(x)
        output = tf.reshape(x, [-1, cfg.cell_size, cfg.cell_size, cfg.boxes_per_cell * 5 + cfg.num_classes])
        self.model = tf.keras.Model(inputs=backbone.input, outputs=output)

    def call(self, x, training=False):
        return self.model(x, training=training)


def get_xception_backbone(input_height, input_width, freeze=False):
    backbone = tf.keras.applications.Xception(include_top=False, weights='imagenet',
                                              input_shape=(input_height, input_width, 3))
    backbone.trainable = not freeze
    return backbone
