# Idiom seen in: bubbliiiing/yolov4-tf2 train.py, utils/utils_fit.py (module-level config block, eager flag, get_train_step_fn with loss_value = tf.reduce_sum(net.losses) + loss_value)
# What it reproduces: the loss model from nets.py trained either eagerly (a tf.function step that adds the summed
#   net.losses, which include the nested body's conv regularizers) or with compile/fit on the Lambda loss. Clean.
import tensorflow as tf
from tensorflow.keras.optimizers import SGD, Adam

from nets import get_train_model, yolo_body
from utils.dataloader import YoloDatasets
from utils.utils import get_anchors, get_classes

eager = True
classes_path = 'model_data/voc_classes.txt'
anchors_path = 'model_data/yolo_anchors.txt'
anchors_mask = [[3, 4, 5], [0, 1, 2]]
input_shape = [416, 416]
label_smoothing = 0
UnFreeze_Epoch = 300
batch_size = 8
Init_lr = 1e-2
momentum = 0.937
optimizer_type = "sgd"
weight_decay = 5e-4


def get_train_step_fn():
    @tf.function
    def train_step(imgs, targets, net, optimizer):
        with tf.GradientTape() as tape:
            loss_value = net([imgs, *targets], training=True)
            # add the l2 regularization terms of the conv layers
            loss_value = tf.reduce_sum(net.losses) + loss_value
        grads = tape.gradient(loss_value, net.trainable_variables)
        optimizer.apply_gradients(zip(grads, net.trainable_variables))
        return loss_value
    return train_step


def fit_one_epoch(net, optimizer, epoch, epoch_step, gen):
    train_step = get_train_step_fn()
    loss = 0
    for iteration, batch in enumerate(gen):
        if iteration >= epoch_step:
            break
        images, targets = batch[0], list(batch[1:])
        loss = loss + train_step(images, targets, net, optimizer)
    print('Epoch %d: loss %.3f' % (epoch + 1, float(loss) / epoch_step))
    net.save_weights('logs/ep%03d.h5' % (epoch + 1))


if __name__ == "__main__":
    class_names, num_classes = get_classes(classes_path)
    anchors, num_anchors = get_anchors(anchors_path)

    model_body = yolo_body((None, None, 3), anchors_mask, num_classes, weight_decay)
    model = get_train_model(model_body, input_shape, num_classes, anchors, anchors_mask, label_smoothing)

    with open('2007_train.txt') as f:
        train_lines = f.readlines()
    train_dataloader = YoloDatasets(train_lines, input_shape, anchors, batch_size, num_classes, anchors_mask)
    epoch_step = len(train_lines) // batch_size

    optimizer = {
        'adam': Adam(learning_rate=Init_lr, beta_1=momentum),
        'sgd': SGD(learning_rate=Init_lr, momentum=momentum, nesterov=True),
    }[optimizer_type]

    if eager:
        gen = tf.data.Dataset.from_generator(train_dataloader.generate, (tf.float32, tf.float32, tf.float32))
        gen = gen.shuffle(buffer_size=batch_size).prefetch(buffer_size=batch_size)
        for epoch in range(UnFreeze_Epoch):
            fit_one_epoch(model, optimizer, epoch, epoch_step, gen)
    else:
        model.compile(optimizer=optimizer, loss={'yolo_loss': lambda y_true, y_pred: y_pred})
        model.fit(train_dataloader, steps_per_epoch=epoch_step, epochs=UnFreeze_Epoch,
                  callbacks=[tf.keras.callbacks.ModelCheckpoint('logs/ep{epoch:03d}.h5', save_weights_only=True)])
