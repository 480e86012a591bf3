# Idiom seen in: Karobben/Karobben.github.io Python/Transfer_Learning.md
# What it reproduces: cats-vs-dogs transfer learning with Sequential([ResNet50(include_top=False, pooling='avg'),
#   Dense]) trained by compile/fit_generator; "a little L2" is added by setting kernel_regularizer on the layers of
#   the already-built ResNet50 and head, which creates no loss (no rebuild from config follows; user mistake).
from tensorflow.python.keras import regularizers
from tensorflow.python.keras.applications import ResNet50
from tensorflow.python.keras.applications.resnet50 import preprocess_input
from tensorflow.python.keras.layers import Dense
from tensorflow.python.keras.models import Sequential
from tensorflow.python.keras.preprocessing.image import ImageDataGenerator

num_classes = 2
resnet_weights_path = 'resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5'
weight_decay = 1e-4

my_new_model = Sequential()
my_new_model.add(ResNet50(include_top=False, pooling='avg', weights=resnet_weights_path))
my_new_model.add(Dense(num_classes, activation='softmax'))

my_new_model.layers[0].trainable = False
for layer in my_new_model.layers[0].layers[-33:]:
    layer.trainable = True
    if hasattr(layer, 'kernel_regularizer'):
        layer.kernel_regularizer = regularizers.l2(weight_decay)  # expect: WD106
my_new_model.layers[-1].kernel_regularizer = regularizers.l2(weight_decay)  # expect: WD106

my_new_model.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['accuracy'])

image_size = 224
data_generator = ImageDataGenerator(preprocessing_function=preprocess_input,
                                    horizontal_flip=True)

train_generator = data_generator.flow_from_directory(
    './train',
    target_size=(image_size, image_size),
    batch_size=24,
    class_mode='categorical')

validation_generator = data_generator.flow_from_directory(
    './val',
    target_size=(image_size, image_size),
    class_mode='categorical')

my_new_model.fit_generator(
    train_generator,
    steps_per_epoch=30,
    epochs=10,
    validation_data=validation_generator,
    validation_steps=5)
