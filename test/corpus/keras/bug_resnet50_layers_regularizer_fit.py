# Idiom seen in: jules-gi/image_detection models/resnet50.py ("Add kernel regularizer to each layer")
#                qunshansj/Real-time-City-Road-Flood-Area-Detection custom.py (ResNet50 + regularized head)
#                MinhNhat007/CNN-Alexnet main.py (flow_from_directory + fit)
# What it reproduces: weight decay "added" to a pretrained ResNet50 by setting kernel_regularizer
# on its layers after construction, then compile+fit with no rebuild: those layers already made
# their weights, model.losses only holds the head's term (WD106 on the assignment).
import argparse

from tensorflow.keras import layers, regularizers
from tensorflow.keras.applications import ResNet50
from tensorflow.keras.models import Model
from tensorflow.keras.optimizers import SGD
from tensorflow.keras.preprocessing.image import ImageDataGenerator


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train_dir', default='dataset/training_set')
    ap.add_argument('--val_dir', default='dataset/test_set')
    ap.add_argument('--input_size', type=int, default=224)
    ap.add_argument('--num_classes', type=int, default=40)
    ap.add_argument('--weight_decay', type=float, default=5e-4)
    ap.add_argument('--epochs', type=int, default=50)
    return ap.parse_args()


def custom(input_size, num_classes, weight_decay, pretrain='imagenet'):
    base_model = ResNet50(weights=pretrain, include_top=False, input_shape=(input_size, input_size, 3))
    for layer in base_model.layers:
        if hasattr(layer, 'kernel_regularizer'):
            layer.kernel_regularizer = regularizers.l2(weight_decay)  # expect: WD106
    x = base_model.output
    x = layers.GlobalAveragePooling2D(name='avg_pool')(x)
    x = layers.Dropout(0.5, name='dropout1')(x)
    x = layers.Dense(512, activation='relu', kernel_regularizer=regularizers.l2(1e-4), name='fc2')(x)
    x = layers.BatchNormalization(name='bn_fc_01')(x)
    x = layers.Dense(num_classes, activation='softmax')(x)
    model = Model(inputs=base_model.input, outputs=x)
    model.compile(optimizer=SGD(learning_rate=0.01, momentum=0.9), loss='categorical_crossentropy',
                  metrics=['accuracy'])
    return model


if __name__ == '__main__':
    args = parse_args()
    train_gen = ImageDataGenerator(rescale=1. / 255, shear_range=0.2, zoom_range=0.2, horizontal_flip=True)
    test_gen = ImageDataGenerator(rescale=1. / 255)
    training_set = train_gen.flow_from_directory(args.train_dir, target_size=(args.input_size, args.input_size),
                                                 batch_size=32, class_mode='categorical')
    test_set = test_gen.flow_from_directory(args.val_dir, target_size=(args.input_size, args.input_size),
                                            batch_size=32, class_mode='categorical')
    model = custom(args.input_size, args.num_classes, args.weight_decay)
    history = model.fit(training_set, validation_data=test_set, epochs=args.epochs)
    model.save('resnet50_custom.h5')
