# Idiom seen in: jules-gi/image_detection models/resnet50.py ("Add kernel regularizer to each layer")
#                MinhNhat007/CNN-Alexnet main.py (ImageDataGenerator.flow_from_directory + fit)
# What it reproduces: argparse defaults, a backbone from the workspace factory, a loop setting
# layer.kernel_regularizer on its built layers and compile+fit with no rebuild: the backbone's
# layers never create the loss, only the new Dense head is regularized (WD106 on the assignment).
import argparse

import tensorflow as tf
from tensorflow.keras.preprocessing.image import ImageDataGenerator
from tensorflow.keras.regularizers import l2

from models.backbones import build_backbone

parser = argparse.ArgumentParser(description='Fine-tune an ImageNet backbone')
parser.add_argument('--data_dir', default='data/flowers')
parser.add_argument('--backbone', default='resnet50')
parser.add_argument('--img_size', default=224, type=int)
parser.add_argument('--batch_size', default=32, type=int)
parser.add_argument('--epochs', default=30, type=int)
parser.add_argument('--lr', default=0.01, type=float)
parser.add_argument('--weight_decay', default=1e-4, type=float)
args = parser.parse_args()

train_datagen = ImageDataGenerator(rescale=1. / 255, horizontal_flip=True, zoom_range=0.2)
val_datagen = ImageDataGenerator(rescale=1. / 255)
train_generator = train_datagen.flow_from_directory(args.data_dir + '/train',
                                                    target_size=(args.img_size, args.img_size),
                                                    batch_size=args.batch_size, class_mode='categorical')
val_generator = val_datagen.flow_from_directory(args.data_dir + '/val',
                                                target_size=(args.img_size, args.img_size),
                                                batch_size=args.batch_size, class_mode='categorical')

backbone = build_backbone(args.backbone, input_shape=(args.img_size, args.img_size, 3))
# Add weight decay to every conv / dense kernel of the pretrained network.
for layer in backbone.layers:
    if isinstance(layer, (tf.keras.layers.Conv2D, tf.keras.layers.Dense)):
        layer.kernel_regularizer = l2(args.weight_decay)  # expect: WD106

model = tf.keras.Sequential([
    backbone,
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(train_generator.num_classes, activation='softmax',
                          kernel_regularizer=l2(args.weight_decay)),
])
model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=args.lr, momentum=0.9),
              loss='categorical_crossentropy', metrics=['accuracy'])
model.fit(train_generator, validation_data=val_generator, epochs=args.epochs,
          callbacks=[tf.keras.callbacks.ReduceLROnPlateau(patience=3)])
model.save('finetuned_%s.h5' % args.backbone)
