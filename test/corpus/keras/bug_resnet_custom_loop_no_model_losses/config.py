# Idiom seen in: calmisential/TensorFlow2.0_ResNet models/residual_block.py
# Idiom seen in: calmisential/TensorFlow2.0_ResNet models/resnet.py
# Idiom seen in: calmisential/TensorFlow2.0_ResNet train.py
# What it reproduces: the repo's subclassed ResNet gets kernel_regularizer=l2(config.WEIGHT_DECAY) on
# its convs and classifier (a user addition in this idiom), but the @tf.function train_step keeps the
# repo's loss = loss_object(labels, predictions): model.losses never reaches tape.gradient.
# some training parameters
EPOCHS = 50
BATCH_SIZE = 8
NUM_CLASSES = 5
image_height = 224
image_width = 224
channels = 3
WEIGHT_DECAY = 1e-4
save_model_dir = "saved_model/model"
dataset_dir = "dataset/"
train_dir = dataset_dir + "train"
valid_dir = dataset_dir + "valid"
model = "resnet18"
