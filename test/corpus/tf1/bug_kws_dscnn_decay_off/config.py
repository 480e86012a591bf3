# Idiom seen in: haoheliu/Key-word-spotting-DNN-GRU-DSCNN config.py
# Idiom seen in: haoheliu/Key-word-spotting-DNN-GRU-DSCNN model.py
# Idiom seen in: haoheliu/Key-word-spotting-DNN-GRU-DSCNN train.py
# What it reproduces: wake-word DS-CNN (slim, Config class) with L2 wired through a guarded helper (slim.l2_regularizer
#   only if Config.weightDecay > 0) plus get_regularization_loss() in the loss, but Config.weightDecay is left at 0.0:
#   the decay never runs (user mistake; the repo had no decay). "Pred_network" is a tensor store, not a loss.


class Config:
    modelName = "DSCNN"
    trainBatchSize = 8
    leftFrames = 15
    rightFrames = 5
    learningRate = 0.0005
    decay_rate = 0.895
    numEpochs = 60
    weightDecay = 0.0
    useTensorBoard = True
    saveModel = True
    logDir = "./log"
    model_settings = {
        'stack_frame_number': 1 + leftFrames + rightFrames,
        'feature_number': 40,
        'label_count': 3,
    }
    model_size_info = [5, 172, 10, 4, 2, 1, 172, 3, 3, 2, 2, 172, 3, 3, 1, 1, 172, 3, 3, 1, 1, 172, 3, 3, 1, 1]
    is_training = True
    featureLength = model_settings['stack_frame_number'] * model_settings['feature_number']
