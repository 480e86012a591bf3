# Idiom seen in: cl886699/efficientdet train_dis.py
# Idiom seen in: cl886699/efficientdet nets/efficientdet.py
# What it reproduces: the repo's MirroredStrategy DistTrainer, whose train_step (handed to strategy.run) keeps the
#   loss at focal + smooth-L1, after a user gives the detection heads the official EfficientDet l2(4e-5)
#   regularizers (the repo's heads had none): model.losses never joins the loss (a realistic mistake).
import tensorflow as tf
from tensorflow.keras import layers, regularizers

from nets.efficientdet_training import focal, smooth_l1
from getdata_tfrecord import ZipDataset

WEIGHT_DECAY = 4e-5


def box_class_head(features, width, depth, out_per_anchor, num_anchors, name):
    convs = [layers.SeparableConv2D(width, 3, padding='same', name='%s_conv%d' % (name, i),
                                    depthwise_regularizer=regularizers.l2(WEIGHT_DECAY),  # expect: WD103
                                    pointwise_regularizer=regularizers.l2(WEIGHT_DECAY))  # expect: WD103
             for i in range(depth)]
    final = layers.Conv2D(out_per_anchor * num_anchors, 3, padding='same', name='%s_out' % name,
                          kernel_regularizer=regularizers.l2(WEIGHT_DECAY))  # expect: WD103
    outputs = []
    for level, feature in enumerate(features):
        x = feature
        for i in range(depth):
            x = layers.Activation(tf.nn.swish)(layers.BatchNormalization()(convs[i](x)))
        outputs.append(layers.Reshape((-1, out_per_anchor))(final(x)))
    return layers.Concatenate(axis=1, name=name)(outputs)


def build_efficientdet(image_size=512, width=64, depth=3, num_classes=1, num_anchors=9):
    inputs = layers.Input((image_size, image_size, 3))
    backbone = tf.keras.applications.EfficientNetB0(include_top=False, input_tensor=inputs, weights='imagenet')
    feats = [backbone.get_layer(n).output for n in ('block3b_add', 'block5c_add', 'top_activation')]
    feats = [layers.Conv2D(width, 1, padding='same', name='lateral_%d' % i)(f) for i, f in enumerate(feats)]
    regression = box_class_head(feats, width, depth, 4, num_anchors, 'regression')
    classification = layers.Activation('sigmoid', name='classification')(
        box_class_head(feats, width, depth, num_classes, num_anchors, 'class_logits'))
    return tf.keras.Model(inputs, [regression, classification])


class DistTrainer:
    def __init__(self, dis_strategy, ori_model, focal_loss, smooth_l1_loss, optimizer_in):
        self.dist_strategy = dis_strategy
        self.model = ori_model
        self.optimizer = optimizer_in
        self.focal = focal_loss
        self.smooth_l1 = smooth_l1_loss

    @tf.function
    def train_step(self, imgs, targets0, targets1):
        with tf.GradientTape() as tape:
            regression, classification = self.model(imgs, training=True)
            reg_value = self.smooth_l1(targets0, regression)
            cls_value = self.focal(targets1, classification)
            loss_value = reg_value + cls_value
        grads = tape.gradient(loss_value, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss_value, cls_value, reg_value

    def dist_train_step(self, images, targets0, targets1):
        per_loss, per_cls, per_reg = self.dist_strategy.run(self.train_step, args=(images, targets0, targets1))
        return [self.dist_strategy.reduce(tf.distribute.ReduceOp.SUM, v, axis=None)
                for v in (per_loss, per_cls, per_reg)]

    def fit_one_epoch(self, epoch, epoch_size, train_ds):
        total_loss = 0.0
        for iteration, batch in enumerate(self.dist_strategy.experimental_distribute_dataset(train_ds)):
            if iteration >= epoch_size:
                break
            loss_value, cls_value, reg_value = self.dist_train_step(batch[0], batch[1], batch[2])
            total_loss += float(loss_value)
        print('Epoch %d  loss %.4f' % (epoch + 1, total_loss / max(epoch_size, 1)))
        self.model.save_weights('logs/wheat_epoch%d.h5' % (epoch + 1))


if __name__ == '__main__':
    strategy = tf.distribute.MirroredStrategy()
    with strategy.scope():
        model = build_efficientdet(num_classes=1)
        optimizer = tf.keras.optimizers.Adam(learning_rate=1e-4)
    train_ds = ZipDataset('data/global_wheat_train.tfrecord', num_classes=1).batch(8 * strategy.num_replicas_in_sync)
    trainer = DistTrainer(strategy, model, focal(), smooth_l1(), optimizer)
    for epoch in range(50):
        trainer.fit_one_epoch(epoch, 400, train_ds)
