# Idiom seen in: jkjung-avt/keras_imagenet models/models.py
# What it reproduces: _set_l2 adds an L2 term per Conv2D/Dense/DepthwiseConv2D kernel with
# layer.add_loss on an already-built (loaded or application) model, then compile: model.fit adds
# model.losses to the loss, so the decay is wired. The callables bind `layer` by default argument.
import tensorflow as tf

IN_SHAPE = (224, 224, 3)
NUM_CLASSES = 1000


def _set_l2(model, weight_decay):
    """Add L2 regularization into layers with weights."""
    for layer in model.layers:
        if isinstance(layer, tf.keras.layers.DepthwiseConv2D):
            layer.add_loss(lambda layer=layer: tf.keras.regularizers.l2(weight_decay)(layer.depthwise_kernel))
        elif isinstance(layer, (tf.keras.layers.Conv2D, tf.keras.layers.Dense)):
            layer.add_loss(lambda layer=layer: tf.keras.regularizers.l2(weight_decay)(layer.kernel))


def get_weight_decay(model_name, value):
    return value if value >= 0. else 1e-5


def get_optimizer(optim_name, initial_lr, epsilon=1e-2):
    if optim_name == 'sgd':
        return tf.keras.optimizers.SGD(learning_rate=initial_lr, momentum=0.9)
    elif optim_name == 'adam':
        return tf.keras.optimizers.Adam(learning_rate=initial_lr, epsilon=epsilon)
    elif optim_name == 'rmsprop':
        return tf.keras.optimizers.RMSprop(learning_rate=initial_lr, epsilon=epsilon, rho=0.9)
    raise ValueError(optim_name)


def get_training_model(model_name, dropout_rate, optimizer, label_smoothing, weight_decay):
    """Build the model to be trained."""
    if model_name.endswith('.h5'):
        model = tf.keras.models.load_model(model_name, compile=False)
    else:
        model_class = {
            'mobilenet_v2': tf.keras.applications.mobilenet_v2.MobileNetV2,
            'resnet50': tf.keras.applications.resnet50.ResNet50,
        }[model_name]
        backbone = model_class(input_shape=IN_SHAPE, include_top=False, weights=None)
        x = tf.keras.layers.GlobalAveragePooling2D()(backbone.output)
        if dropout_rate and 0.0 < dropout_rate < 1.0:
            x = tf.keras.layers.Dropout(dropout_rate)(x)
        x = tf.keras.layers.Dense(NUM_CLASSES, activation='softmax', name='Logits')(x)
        model = tf.keras.models.Model(inputs=backbone.input, outputs=x)

    if weight_decay > 0.:
        _set_l2(model, weight_decay)
    for layer in model.layers:
        layer.trainable = True

    smooth = 0.1 if label_smoothing else 0.
    loss = tf.keras.losses.CategoricalCrossentropy(label_smoothing=smooth)
    model.compile(optimizer=optimizer, loss=loss, metrics=['accuracy'])
    return model
