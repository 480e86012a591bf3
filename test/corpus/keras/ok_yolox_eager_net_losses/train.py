# Idiom seen in: bubbliiiing/yolox-tf2 train.py
# What it reproduces: weight_decay=5e-4 handed to yolo_body; with eager=True the custom step (which adds
#   net.losses) trains model_body, otherwise the loss-wrapper model is compiled and fit (clean both ways).
import tensorflow as tf
from tensorflow.keras.optimizers import SGD, Adam

from yolo import yolo_body
from utils_fit import fit_one_epoch
from yolo_training import get_yolo_loss, get_train_model
from dataloader import YoloDatasets

if __name__ == "__main__":
    eager = True
    classes_path = 'model_data/voc_classes.txt'
    input_shape = [640, 640]
    phi = 's'
    num_classes = 20
    Init_Epoch, UnFreeze_Epoch = 0, 300
    batch_size = 8
    Init_lr = 1e-2
    optimizer_type = "sgd"
    momentum = 0.937
    weight_decay = 5e-4
    save_dir = 'logs'

    model_body = yolo_body([None, None, 3], num_classes=num_classes, phi=phi, weight_decay=weight_decay)
    model_body.load_weights('model_data/yolox_s.h5', by_name=True, skip_mismatch=True)

    train_dataloader = YoloDatasets('2007_train.txt', input_shape, batch_size, num_classes, Init_Epoch, UnFreeze_Epoch)
    epoch_step = train_dataloader.length // batch_size

    optimizer = {
        'adam': Adam(learning_rate=Init_lr, beta_1=momentum),
        'sgd': SGD(learning_rate=Init_lr, momentum=momentum, nesterov=True)
    }[optimizer_type]

    if eager:
        yolo_loss = get_yolo_loss(input_shape, len(model_body.output), num_classes)
        gen = tf.data.Dataset.from_generator(train_dataloader.generate, (tf.float32, tf.float32))
        gen = gen.shuffle(buffer_size=batch_size).prefetch(buffer_size=batch_size)
        for epoch in range(Init_Epoch, UnFreeze_Epoch):
            fit_one_epoch(model_body, yolo_loss, optimizer, epoch, epoch_step, gen,
                          UnFreeze_Epoch, save_dir, None)
    else:
        model = get_train_model(model_body, input_shape, num_classes)
        model.compile(optimizer=optimizer, loss={'yolo_loss': lambda y_true, y_pred: y_pred})
        model.fit(train_dataloader, steps_per_epoch=epoch_step, epochs=UnFreeze_Epoch,
                  initial_epoch=Init_Epoch)
