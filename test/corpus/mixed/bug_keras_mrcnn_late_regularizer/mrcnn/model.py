# Idiom seen in: matterport/Mask_RCNN mrcnn/model.py
# What it reproduces: MaskRCNN builds its Keras model in __init__ (nested "rpn_model" with a layer named rpn_bbox_pred); compile() adds the loss-layer outputs and a hand-written L2 over non-norm, non-bias weights with add_loss, then compile()+fit. This part is wired correctly.
import keras
import keras.layers as KL
import keras.models as KM
import tensorflow as tf


def backbone_graph(input_image, depth):
    x = KL.Conv2D(64, (7, 7), strides=(2, 2), padding='same', name='conv1')(input_image)
    x = KL.BatchNormalization(name='bn_conv1')(x)
    x = KL.Activation('relu')(x)
    x = KL.Conv2D(depth, (3, 3), strides=(2, 2), padding='same', name='fpn_p2')(x)
    return x


def build_rpn_model(anchor_stride, anchors_per_location, depth):
    feature_map = KL.Input(shape=[None, None, depth], name="input_rpn_feature_map")
    shared = KL.Conv2D(512, (3, 3), padding='same', activation='relu',
                       strides=anchor_stride, name='rpn_conv_shared')(feature_map)
    logits = KL.Conv2D(2 * anchors_per_location, (1, 1), padding='valid',
                       activation='linear', name='rpn_class_raw')(shared)
    bbox = KL.Conv2D(anchors_per_location * 4, (1, 1), padding='valid',
                     activation='linear', name='rpn_bbox_pred')(shared)
    return KM.Model([feature_map], [logits, bbox], name="rpn_model")


class MaskRCNN(object):
    def __init__(self, mode, config, model_dir):
        self.mode = mode
        self.config = config
        self.model_dir = model_dir
        self.keras_model = self.build(mode=mode, config=config)

    def build(self, mode, config):
        input_image = KL.Input(shape=[None, None, 3], name="input_image")
        input_rpn_match = KL.Input(shape=[None, 1], name="input_rpn_match", dtype=tf.int32)
        input_rpn_bbox = KL.Input(shape=[None, 4], name="input_rpn_bbox", dtype=tf.float32)
        p2 = backbone_graph(input_image, config.BACKBONE_DEPTH)
        rpn = build_rpn_model(config.RPN_ANCHOR_STRIDE, len(config.RPN_ANCHOR_RATIOS),
                              config.BACKBONE_DEPTH)
        rpn_logits, rpn_bbox = rpn([p2])
        class_loss = KL.Lambda(lambda t: rpn_class_loss_graph(*t), name="rpn_class_loss")(
            [input_rpn_match, rpn_logits])
        bbox_loss = KL.Lambda(lambda t: rpn_bbox_loss_graph(*t), name="rpn_bbox_loss")(
            [input_rpn_bbox, input_rpn_match, rpn_bbox])
        inputs = [input_image, input_rpn_match, input_rpn_bbox]
        return KM.Model(inputs, [rpn_logits, rpn_bbox, class_loss, bbox_loss], name='mask_rcnn')

    def compile(self, learning_rate, momentum):
        optimizer = keras.optimizers.SGD(lr=learning_rate, momentum=momentum,
                                         clipnorm=self.config.GRADIENT_CLIP_NORM)
        self.keras_model._losses = []
        self.keras_model._per_input_losses = {}
        for name in ["rpn_class_loss", "rpn_bbox_loss"]:
            layer = self.keras_model.get_layer(name)
            loss = tf.reduce_mean(layer.output, keepdims=True) * self.config.LOSS_WEIGHTS.get(name, 1.)
            self.keras_model.add_loss(loss)
        reg_losses = [
            keras.regularizers.l2(self.config.WEIGHT_DECAY)(w) / tf.cast(tf.size(w), tf.float32)
            for w in self.keras_model.trainable_weights
            if 'gamma' not in w.name and 'beta' not in w.name and 'bias' not in w.name]
        self.keras_model.add_loss(tf.add_n(reg_losses))
        self.keras_model.compile(optimizer=optimizer,
                                 loss=[None] * len(self.keras_model.outputs))

    def train(self, train_generator, val_generator, learning_rate, epochs):
        self.compile(learning_rate, self.config.LEARNING_MOMENTUM)
        self.keras_model.fit_generator(train_generator, epochs=epochs,
                                       steps_per_epoch=self.config.STEPS_PER_EPOCH,
                                       validation_data=val_generator,
                                       validation_steps=self.config.VALIDATION_STEPS)


def rpn_class_loss_graph(rpn_match, rpn_class_logits):
    anchor_class = tf.cast(tf.equal(tf.squeeze(rpn_match, -1), 1), tf.int32)
    return tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(
        labels=anchor_class, logits=rpn_class_logits))


def rpn_bbox_loss_graph(target_bbox, rpn_match, rpn_bbox):
    return tf.reduce_mean(tf.abs(target_bbox - rpn_bbox))
